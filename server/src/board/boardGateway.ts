import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  BOARD_CLOSE_TOO_LARGE,
  BOARD_MAX_MESSAGES_PER_WINDOW,
  BOARD_MESSAGE_WINDOW_MS,
  BOARD_WS_PATH,
  BOARD_WS_PROTOCOL,
  MAX_BOARD_MESSAGE_BYTES,
} from '@gommette/shared/board';
import type { AppContext } from '../context';
import { awarenessUpdateAllowed } from './awarenessGuard';
import { boardAccess, type BoardAccess } from './boardAccess';
import { awarenessMessage, readClientMessage, syncStep1Message, syncStep2Message, updateMessage } from './boardProtocol';
import { readUpgrade, refuseUpgrade } from './boardUpgrade';
import { BoardRoom, BoardTooLargeError, type BoardRoomOptions } from './BoardRoom';
import { RelayKind, type BoardRelay } from './BoardRelay';

/** A client that does not answer a ping within this time is dropped. */
const PING_INTERVAL_MS = 30_000;
/** A client that lets this much pile up unsent (a stalled phone) is dropped; it resyncs later. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** The origin of changes that came from another node (applied, saved, never relayed again). */
export const REMOTE_ORIGIN = Symbol('remote node');
/** An update that changes nothing encodes in two bytes. */
const EMPTY_UPDATE_BYTES = 2;

export const CloseCode = { GoingAway: 1001, Invalid: 1008, Internal: 1011, TooLarge: BOARD_CLOSE_TOO_LARGE } as const;

/** What y-protocols' awareness reports on each change. */
interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

interface Connection {
  ws: WebSocket;
  access: BoardAccess;
  /** What opened it (token and session cookie), to check it again when rights change. */
  credentials: { token: string; cookie: string | undefined };
  room: BoardRoom;
  /** Awareness client ids this connection publishes. */
  clientIds: Set<number>;
  alive: boolean;
  /** Messages in the current rate window, and when it started. */
  messages: number;
  windowStart: number;
}

export interface BoardGateway {
  /** True for `/yjs/…` upgrade requests (the gateway answers them, even to refuse). */
  handles(req: IncomingMessage): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Checks every open connection to this workshop's board again (a member removed, a link revoked)
   * and closes, with 1008, those that no longer open it.
   */
  recheck(workshopId: string): Promise<void>;
  /** Rooms in memory (for tests and the benchmark). */
  room(workshopId: string): BoardRoom | undefined;
  /** Every room in memory (for /metrics: counts and sizes only). */
  rooms(): Iterable<BoardRoom>;
  /** Closes every connection and saves every board. */
  close(): Promise<void>;
}

/**
 * A connection's flood window: counts this message, and says whether the connection went over
 * `BOARD_MAX_MESSAGES_PER_WINDOW` in the current `BOARD_MESSAGE_WINDOW_MS`.
 */
function overMessageLimit(conn: Connection, at: number): boolean {
  if (at - conn.windowStart >= BOARD_MESSAGE_WINDOW_MS) {
    conn.windowStart = at;
    conn.messages = 0;
  }
  return ++conn.messages > BOARD_MAX_MESSAGES_PER_WINDOW;
}

/**
 * The Yjs side of the server: the y-websocket protocol (sync + awareness, y-protocols) on
 * `/yjs/<workshopId>`, on the same HTTP server as socket.io. The upgrade is refused unless the
 * Origin is allowed and the token (offered as a WebSocket sub-protocol) opens that workshop.
 * Read-only connections get the board and others' presence; their sync-step-2 and update
 * messages are dropped. A message over `MAX_BOARD_MESSAGE_BYTES`, or that would make the board
 * exceed its cap, closes that connection only.
 */
export function createBoardGateway(ctx: AppContext, roomOptions: BoardRoomOptions = {}, relay: BoardRelay | null = null): BoardGateway {
  const { logger } = ctx;
  const rooms = new Map<string, BoardRoom>();
  const connections = new Map<BoardRoom, Set<Connection>>();
  const closing = new Map<string, Promise<void>>();
  /** Boards whose relay channel this node listens to (resolves once subscribed). */
  const relayed = new Map<BoardRoom, Promise<void>>();
  let closed = false;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BOARD_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(BOARD_WS_PROTOCOL) ? BOARD_WS_PROTOCOL : false),
  });

  const heartbeat = setInterval(() => {
    for (const set of connections.values()) {
      for (const conn of set) {
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }, PING_INTERVAL_MS);
  heartbeat.unref();

  function send(conn: Connection, message: Uint8Array): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    if (conn.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      conn.ws.close(CloseCode.GoingAway, 'too slow');
      return;
    }
    conn.ws.send(message, (error) => {
      if (error) conn.ws.terminate();
    });
  }

  async function openRoom(workshopId: string): Promise<BoardRoom> {
    const pendingClose = closing.get(workshopId);
    if (pendingClose) await pendingClose.catch(() => undefined);
    let room = rooms.get(workshopId);
    if (!room) {
      const created = new BoardRoom(workshopId, ctx.boards, logger, roomOptions);
      room = created;
      rooms.set(workshopId, created);
      connections.set(created, new Set());
      created.doc.on('update', (update: Uint8Array, origin: unknown) => shareUpdate(created, update, origin));
      created.awareness.on('update', (change: AwarenessChange, origin: unknown) => sharePresence(created, change, origin));
      if (relay) joinRelay(relay, created);
      created.ready.catch((error: unknown) => {
        logger.error({ err: error, workshopId }, 'board load failed');
        for (const conn of connections.get(created) ?? []) conn.ws.close(CloseCode.Internal, 'load failed');
        rooms.delete(workshopId);
        connections.delete(created);
        void leaveRelay(created).catch(() => undefined);
      });
    }
    return room;
  }

  /** A change of the board: to every other connection here, and (unless it came from there or from the store) to the other nodes. */
  function shareUpdate(room: BoardRoom, update: Uint8Array, origin: unknown): void {
    const message = updateMessage(update);
    for (const conn of connections.get(room) ?? []) if (conn !== origin) send(conn, message);
    // Loaded or merged from the store (origin: the room) or from another node: not relayed.
    if (relay && origin !== REMOTE_ORIGIN && origin !== room) relay.publish(room.workshopId, RelayKind.Update, update);
  }

  /** A change of presence: noted as the sender's own, sent to every connection here and to the other nodes. */
  function sharePresence(room: BoardRoom, { added, updated, removed }: AwarenessChange, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    const owner = origin as Connection | undefined;
    if (owner && connections.get(room)?.has(owner)) {
      for (const id of [...added, ...updated]) owner.clientIds.add(id);
      for (const id of removed) owner.clientIds.delete(id);
    }
    const message = awarenessMessage(room.awareness, changed);
    // Also back to the sender: a lone client hears itself and knows the link is alive.
    for (const conn of connections.get(room) ?? []) send(conn, message);
    // Each node times out the states it holds itself.
    if (relay && origin !== REMOTE_ORIGIN && origin !== 'timeout') {
      relay.publish(room.workshopId, RelayKind.Awareness, awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed));
    }
  }

  /**
   * Listens to the other nodes' changes of this board, then (once loaded) asks them for what
   * the store did not have yet (their unsaved changes) and tells them who looks at it here.
   */
  function joinRelay(channel: BoardRelay, room: BoardRoom): void {
    const { workshopId } = room;
    const joined = channel.join(workshopId, {
      onMessage: (kind, payload) => {
        void room.ready.then(
          () => {
            if (room.doc.isDestroyed) return;
            if (kind === RelayKind.Update) Y.applyUpdate(room.doc, payload, REMOTE_ORIGIN);
            else if (kind === RelayKind.Awareness) awarenessProtocol.applyAwarenessUpdate(room.awareness, payload, REMOTE_ORIGIN);
            else if (kind === RelayKind.SyncRequest) answerSyncRequest(channel, room, payload);
          },
          () => undefined,
        );
      },
    });
    relayed.set(room, joined);
    Promise.all([joined, room.ready]).then(
      () => channel.publish(workshopId, RelayKind.SyncRequest, Y.encodeStateVector(room.doc)),
      (error: unknown) => logger.error({ err: error, workshopId }, 'board relay join failed'),
    );
  }

  function answerSyncRequest(channel: BoardRelay, room: BoardRoom, stateVector: Uint8Array): void {
    const missing = Y.encodeStateAsUpdate(room.doc, stateVector);
    if (missing.byteLength > EMPTY_UPDATE_BYTES) channel.publish(room.workshopId, RelayKind.Update, missing);
    const local = [...(connections.get(room) ?? [])].flatMap((conn) => [...conn.clientIds]);
    if (local.length > 0) channel.publish(room.workshopId, RelayKind.Awareness, awarenessProtocol.encodeAwarenessUpdate(room.awareness, local));
  }

  /** Stops listening to the other nodes about this board (it is being unloaded here). */
  async function leaveRelay(room: BoardRoom): Promise<void> {
    const joined = relayed.get(room);
    if (!relay || !joined) return;
    relayed.delete(room);
    await joined.catch(() => undefined);
    await relay.leave(room.workshopId);
  }

  /** One message of a client, once the board is loaded: answered, applied, or dropped. */
  function handleMessage(conn: Connection, data: Uint8Array): void {
    const { room, access } = conn;
    const message = readClientMessage(data);
    switch (message.type) {
      case 'syncStep1':
        send(conn, syncStep2Message(room.doc, message.stateVector));
        return;
      case 'update':
        if (access.readOnly) return; // read-only: the board is theirs to see, not to change
        room.applyClientUpdate(message.update, conn);
        return;
      case 'awareness': {
        const owners = connections.get(room) ?? new Set<Connection>();
        const allowed = awarenessUpdateAllowed(message.update, access, (id) => conn.clientIds.has(id) || ![...owners].some((other) => other.clientIds.has(id)));
        if (allowed === null) return; // not a shape we relay (a name, another role): dropped
        awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, conn);
        return;
      }
      case 'queryAwareness':
        send(conn, awarenessMessage(room.awareness, Array.from(room.awareness.getStates().keys())));
        return;
    }
  }

  function leave(conn: Connection): void {
    const { room } = conn;
    const set = connections.get(room);
    if (!set?.delete(conn)) return;
    if (conn.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, Array.from(conn.clientIds), null);
    if (set.size > 0 || closed) return;
    // Last one out: save and unload (kept in memory while a save fails).
    const unload = room
      .closeRoom()
      .then(async () => {
        if (connections.get(room)?.size === 0) {
          rooms.delete(room.workshopId);
          connections.delete(room);
          await leaveRelay(room);
        }
      })
      .catch((error: unknown) => logger.error({ err: error, workshopId: room.workshopId }, 'board unload failed; kept in memory'))
      .finally(() => closing.delete(room.workshopId));
    closing.set(room.workshopId, unload);
  }

  function accept(ws: WebSocket, access: BoardAccess, room: BoardRoom, credentials: Connection['credentials']): void {
    const conn: Connection = { ws, access, credentials, room, clientIds: new Set(), alive: true, messages: 0, windowStart: Date.now() };
    connections.get(room)?.add(conn);
    ws.binaryType = 'nodebuffer';
    ws.on('pong', () => {
      conn.alive = true;
    });
    // Messages wait for the board to load, then run in arrival order.
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      conn.alive = true;
      if (overMessageLimit(conn, Date.now())) {
        logger.warn({ workshopId: room.workshopId, reason: 'too many messages' }, 'board connection closed');
        ws.close(CloseCode.Invalid, 'too many messages');
        return;
      }
      void room.ready.then(
        () => {
          if (ws.readyState !== WebSocket.OPEN) return;
          try {
            if (!isBinary) throw new Error('text frame');
            handleMessage(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          } catch (error) {
            const tooLarge = error instanceof BoardTooLargeError;
            logger.warn({ workshopId: room.workshopId, reason: tooLarge ? 'board full' : 'bad message' }, 'board connection closed');
            ws.close(tooLarge ? CloseCode.TooLarge : CloseCode.Invalid, tooLarge ? 'board full' : 'bad message');
          }
        },
        () => undefined,
      );
    });
    ws.on('error', () => ws.terminate()); // e.g. maxPayload exceeded: ws closes with 1009
    ws.on('close', () => leave(conn));
    void room.ready.then(
      () => greet(conn),
      () => undefined,
    );
  }

  /** A new connection, once the board is loaded: the server's state vector, then who is here. */
  function greet(conn: Connection): void {
    const { room } = conn;
    send(conn, syncStep1Message(room.doc));
    const states = Array.from(room.awareness.getStates().keys());
    if (states.length > 0) send(conn, awarenessMessage(room.awareness, states));
  }

  /** An upgrade whose path, Origin and token are well formed: does the token open this board? Then open it. */
  function authorizeUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, upgrade: { path: string; workshopId: string; token: string }): void {
    const { path, workshopId, token } = upgrade;
    socket.on('error', () => socket.destroy());
    // A centre's workshop: the facilitator's board, like its console, needs a signed-in member.
    boardAccess(ctx.store, workshopId, token, { centres: ctx.centres, cookie: req.headers.cookie, now: ctx.now() }).then(
      async (access) => {
        if (!access) {
          logger.info({ path, status: 401 }, 'board upgrade refused');
          return refuseUpgrade(socket, 401, 'Unauthorized');
        }
        if (closed || socket.destroyed) return socket.destroy();
        const room = await openRoom(workshopId);
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, access, room, { token, cookie: req.headers.cookie }));
      },
      (error: unknown) => {
        logger.error({ err: error, path }, 'board upgrade failed');
        refuseUpgrade(socket, 500, 'Internal Server Error');
      },
    );
  }

  return {
    rooms: () => rooms.values(),
    handles: (req) => req.url?.startsWith(BOARD_WS_PATH) ?? false,
    handleUpgrade(req, socket, head) {
      if (closed) return refuseUpgrade(socket, 503, 'Service Unavailable');
      const upgrade = readUpgrade(req, ctx.config);
      if ('status' in upgrade) return refuseUpgrade(socket, upgrade.status, upgrade.reason);
      authorizeUpgrade(req, socket, head, upgrade);
    },
    async recheck(workshopId) {
      const room = rooms.get(workshopId);
      for (const conn of [...(room ? (connections.get(room) ?? []) : [])]) {
        const access = await boardAccess(ctx.store, workshopId, conn.credentials.token, {
          centres: ctx.centres,
          cookie: conn.credentials.cookie,
          now: ctx.now(),
        });
        if (!access) conn.ws.close(CloseCode.Invalid, 'access revoked');
      }
    },
    room: (workshopId) => rooms.get(workshopId),
    async close() {
      closed = true;
      clearInterval(heartbeat);
      for (const set of connections.values()) for (const conn of set) conn.ws.close(CloseCode.GoingAway, 'server stopping');
      await Promise.allSettled(closing.values());
      await Promise.allSettled(Array.from(rooms.values()).map((room) => room.closeRoom()));
      await Promise.allSettled(Array.from(relayed.keys()).map((room) => leaveRelay(room)));
      rooms.clear();
      connections.clear();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
