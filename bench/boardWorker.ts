/**
 * Simulated board editors, many per process. Each speaks the y-websocket protocol over a raw
 * WebSocket with a tiny document of its own (it does not apply what others write, as 500 full
 * replicas would need more CPU than the server under test): it adds one note, later moves it,
 * each change stamped with the time it was made (`t`) so an observer can time its propagation.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { nanoid } from 'nanoid';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DEFAULT_JOURNEY, addNote, boardRoots, moveNote } from '@gommette/shared/board';
import type { EditorPlan, WorkerReply, WorkerRequest } from './boardProtocol';

const reply = (message: WorkerReply) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();

interface Editor {
  ws: WebSocket;
  doc: Y.Doc;
  plan: EditorPlan;
}

const editors: Editor[] = [];
let receivedBytes = 0;
let sent = 0;

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function open(url: string, path: string, plan: EditorPlan, protocol: string | null): Promise<Editor> {
  return new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const ws = new WebSocket(`${url}${path}`, protocol && plan.token ? [protocol, plan.token] : []);
    ws.binaryType = 'nodebuffer';
    const editor = { ws, doc, plan };
    doc.on('update', (update: Uint8Array) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update)));
    });
    ws.on('message', (data: Buffer) => {
      receivedBytes += data.byteLength;
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0) return;
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) {
        const vector = decoding.readVarUint8Array(decoder);
        ws.send(syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc, vector)));
        resolve(editor);
      }
    });
    ws.once('open', () => ws.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc))));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
  });
}

function cellAt(index: number) {
  const steps = DEFAULT_JOURNEY.steps;
  const rows = DEFAULT_JOURNEY.rows;
  return { kind: 'cell' as const, stepId: steps[index % steps.length]!.id, rowId: rows[Math.floor(index / steps.length) % rows.length]!.id };
}

function stamp(doc: Y.Doc, id: string): void {
  boardRoots(doc).notes.get(id)?.set('t', now());
}

process.on('message', (request: WorkerRequest) => {
  const run = async () => {
    if (request.type === 'open') {
      for (const plan of request.editors) editors.push(await open(request.url, request.path, plan, request.protocol));
      reply({ type: 'ready', opened: editors.length });
    } else if (request.type === 'start') {
      const timers: Array<Promise<void>> = [];
      editors.forEach((editor, index) => {
        const id = nanoid(16);
        const at = (ms: number, action: () => void) =>
          timers.push(
            new Promise((resolve) =>
              setTimeout(
                () => {
                  action();
                  sent++;
                  resolve();
                },
                Math.max(0, request.startAt + ms - Date.now()),
              ),
            ),
          );
        at(editor.plan.addAtMs, () =>
          editor.doc.transact(() => {
            addNote(editor.doc, { id, text: `Note ${index}`, placement: cellAt(index), order: now() });
            stamp(editor.doc, id);
          }),
        );
        at(editor.plan.moveAtMs, () =>
          editor.doc.transact(() => {
            moveNote(editor.doc, id, cellAt(index + 7), now());
            stamp(editor.doc, id);
          }),
        );
      });
      await Promise.all(timers);
      reply({ type: 'done', sent, receivedBytes });
    } else if (request.type === 'close') {
      for (const editor of editors) editor.ws.terminate();
      process.exit(0);
    }
  };
  run().catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
