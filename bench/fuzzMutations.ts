/**
 * What `npm run fuzz` sends: a seeded random source and mutators for socket.io payloads,
 * hand-made engine.io / socket.io frames and Yjs (y-websocket) frames. Everything here is pure:
 * the same seed gives the same messages.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** mulberry32: small, fast, good enough to pick mutations reproducibly. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let index = 0; index < length; index++) out[index] = this.int(256);
    return out;
  }
}

/** Below socket.io's 16 KB frame limit (a mutated payload), and above it (the connection closes). */
export const UNDER_FRAME_BYTES = 12 * 1024;
export const OVER_FRAME_BYTES = 20 * 1024;
/** "Huge" binary attachments: well past the frame limit. */
export const HUGE_ATTACHMENT_BYTES = 256 * 1024;
const MAX_NESTING = 3_000;

const STRANGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066rtl',
  '\u200b\u200b\u200b',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE ideas; --",
  '<script>alert(1)</script>',
  '=SOMME(A1:A9)',
  '9'.repeat(400),
  'لقد قلت شيئا',
  '🧑‍🤝‍🧑'.repeat(50),
];

const STRANGE_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324];

/** Every command the server knows, with a payload of the right shape. */
export function validPayloads(ids: { ideaIds: string[]; roundId: string; siteId: string; seatId: string; voterId: string }, rng: Rng): [string, unknown][] {
  const id = () => `fz${rng.int(1e12).toString(36)}xxxxxxxx`.slice(0, 20);
  const ideaId = () => rng.pick(ids.ideaIds);
  return [
    ['idea:post', { id: id(), text: 'Une idée de fuzz' }],
    ['idea:hide', { ideaId: ideaId(), hidden: rng.chance(0.5) }],
    [
      'run:control',
      { action: rng.pick(['start', 'pause', 'resume', 'extend', 'end', 'next', 'previous', 'goto']), from: rng.int(3), minutes: 1, phaseIndex: rng.int(3) },
    ],
    ['run:hand', { raised: rng.chance(0.5) }],
    ['room:update', { tableCount: rng.int(5), safeMode: rng.chance(0.5), themes: ['a', 'b'] }],
    ['tables:pick', { tableId: rng.int(4) }],
    ['tables:assign', { seats: [{ seatId: ids.seatId, tableId: 1 }] }],
    ['tables:mix', {}],
    [
      'idea:moderate',
      {
        ideaId: ideaId(),
        moderation: rng.pick([
          { type: 'edit', text: 'corrigée' },
          { type: 'merge', into: ideaId() },
          { type: 'theme', theme: 'x' },
          { type: 'park', parked: true },
          { type: 'approve' },
        ]),
      },
    ],
    ['ideas:approveAll', {}],
    ['idea:assist', { id: id(), text: 'aidée', personId: id(), siteId: ids.siteId, tableId: null, mood: 'sunny' }],
    ['idea:paper', { id: id(), text: 'papier', siteId: ids.siteId, tableId: null }],
    ['participants:list', {}],
    ['questionnaire:answer', { scale: { avis: 3 }, learned: 'beaucoup', ageBand: '12-15', gender: 'woman', firstTime: true }],
    ['vote:open', { id: id(), ideas: { from: 'all' }, budget: 3, stacking: false, capPerIdea: null, selfVote: true, results: 'live', closesAt: null }],
    ['vote:close', { roundId: ids.roundId }],
    ['vote:reveal', { roundId: ids.roundId }],
    ['vote:cast', { id: id(), roundId: ids.roundId, ideaId: ideaId(), voterId: ids.voterId }],
    ['vote:takeBack', { id: id(), roundId: ids.roundId, gommetteId: id(), voterId: ids.voterId }],
    ['vote:paper', { roundId: ids.roundId, siteId: ids.siteId, counts: { [ideaId()]: 3 } }],
    ['kiosk:next', { voterId: ids.voterId }],
    ['matrix:place', { ideaId: ideaId(), easy: 2, priority: 3 }],
    ['matrix:axes', { easy: 'Facile', priority: 'Important' }],
    ['matrix:ideas', {}],
  ];
}

export function strangeValue(rng: Rng): unknown {
  switch (rng.int(10)) {
    case 0:
      return rng.pick(STRANGE_STRINGS);
    case 1:
      return rng.pick(STRANGE_NUMBERS);
    case 2:
      return rng.pick([null, true, false, [], {}, [null], { '': '' }]);
    case 3:
      return 'x'.repeat(rng.int(UNDER_FRAME_BYTES));
    case 4:
      return nested(rng.int(MAX_NESTING), rng.chance(0.5));
    case 5:
      return Array.from({ length: rng.int(2_000) }, () => rng.int(10));
    case 6:
      return Object.fromEntries(Array.from({ length: rng.int(500) }, (_, index) => [`k${index}`, index]));
    case 7:
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
    case 8:
      return String.fromCharCode(...rng.bytes(rng.int(200)));
    default:
      return rng.int(1e9).toString(36);
  }
}

export function nested(depth: number, arrays: boolean): unknown {
  let value: unknown = 'fond';
  for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value };
  return value;
}

/** A copy of `value` with one to three mutations: a field's type or size changed, removed, or added. */
export function mutate(value: unknown, rng: Rng): unknown {
  if (rng.chance(0.1)) return strangeValue(rng);
  if (value === null || typeof value !== 'object') return rng.chance(0.5) ? strangeValue(rng) : value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ({ ...value } as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const changes = 1 + rng.int(3);
  for (let change = 0; change < changes; change++) {
    const key = keys.length > 0 && rng.chance(0.8) ? rng.pick(keys) : rng.pick(['extra', '__proto__', 'constructor', 'id', 'workshopId', '']);
    const action = rng.int(4);
    if (action === 0) delete copy[key];
    else if (action === 1 && copy[key] !== undefined && typeof copy[key] === 'object') copy[key] = mutate(copy[key], rng);
    else copy[key] = strangeValue(rng);
  }
  return Array.isArray(value) ? Object.values(copy) : copy;
}

export function unknownEventName(rng: Rng): string {
  return rng.pick([
    'idea:delete',
    'admin:wipe',
    'vote:open ',
    'IDEA:POST',
    'x'.repeat(rng.int(2_000)),
    'toString',
    'hasOwnProperty',
    'constructor',
    '__proto__',
    'valueOf',
    '\u0000',
    'ideas:added',
    'workshop:snapshot',
    'vote:cast\n',
  ]);
}

/** A hand-made engine.io text frame carrying a socket.io packet, often broken on purpose. */
export function engineFrame(rng: Rng, valid: [string, unknown][]): string | Uint8Array {
  const [event, payload] = rng.pick(valid);
  const body = JSON.stringify([rng.chance(0.3) ? unknownEventName(rng) : event, mutate(payload, rng)]);
  switch (rng.int(18)) {
    case 0:
      return `42${body}`;
    case 1:
      return `42${body.slice(0, rng.int(body.length))}`; // truncated
    case 2:
      return `42${rng.pick(['99999999999999999999999', '-1', '1e400', '0x10', String(2 ** 53 + 7)])}${body}`; // odd ack ids
    case 3:
      return `45${rng.int(5)}-${JSON.stringify([event, { _placeholder: true, num: rng.pick([0, 1, 99, -1, 'x', null]) }])}`; // binary event, attachments never sent or wrong
    case 4:
      return `46${rng.int(3)}-${rng.int(1e6)}${JSON.stringify([{ _placeholder: true, num: 0 }])}`; // binary ack nobody asked for
    case 5:
      return `43${rng.int(1e6)}${JSON.stringify([mutate({ ok: true }, rng)])}`; // an ack the server never asked for
    case 6:
      return rng.pick(['40', '40/admin,', '40/../,{}', '41', '41/admin,', '44{"message":"x"}', '4', '49', '4x', '4/,', '42/nowhere,["idea:post",{}]']);
    case 7:
      return rng.pick(['2', '2probe', '3', '3probe', '5', '6', '7', '', '0', '1', 'b4AAAA', '9'.repeat(50)]);
    case 8:
      return `42${JSON.stringify(nested(rng.int(MAX_NESTING), true))}`;
    case 9:
      return `42["${event}",${'['.repeat(rng.int(5_000))}`; // unbalanced deep nesting
    case 10:
      return `42${JSON.stringify([event, 'x'.repeat(OVER_FRAME_BYTES)])}`; // over the frame limit: that connection closes
    case 11:
      return rng.bytes(1 + rng.int(64)); // a binary frame with no binary event waiting for it
    case 12:
      return `42${JSON.stringify([event])}`; // no payload
    case 13:
      return `42${JSON.stringify([event, payload, 'extra', 1, null])}`; // extra arguments
    case 14:
      return `42${JSON.stringify({ event, payload })}`; // not an array
    case 15:
      return `42[${rng.int(1e6)},{}]`; // event name that is a number
    case 16:
      return `4${rng.int(10)}${body}`.replace(/"/g, rng.chance(0.5) ? "'" : '"'); // broken quotes / types
    default:
      return `42${body}`;
  }
}

/** A y-websocket frame: a valid sync or awareness message, often mutated, truncated or made up. */
export function yjsFrame(rng: Rng): Uint8Array | string {
  const doc = new Y.Doc();
  const kind = rng.int(12);
  if (kind === 0) return rng.bytes(1 + rng.int(512)); // noise
  if (kind === 1) return 'a text frame';
  if (kind === 2) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    return encoding.toUint8Array(encoder);
  }
  if (kind === 3) {
    // A varint that never ends, or claims a length far past the frame.
    return rng.pick([
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]),
      new Uint8Array([1, 0xff, 0xff, 0xff, 0x7f]),
    ]);
  }
  if (kind === 4 || kind === 5) {
    // An awareness update: a sane one, a huge state, someone else's client id, broken JSON.
    const awareness = new awarenessProtocol.Awareness(doc);
    const state = rng.pick([
      { role: 'participant', cursor: { x: 1, y: 2 } },
      { user: { name: 'x'.repeat(rng.int(60_000)) } },
      { role: 'facilitator' },
      mutate({ role: 'participant' }, rng) as Record<string, unknown>,
    ]);
    awareness.setLocalState(state);
    let update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    awareness.destroy();
    if (kind === 5) update = flip(update, rng);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  }
  if (kind === 6) return new Uint8Array([3]); // query awareness
  if (kind === 7) return new Uint8Array([rng.int(256), rng.int(256)]); // unknown type
  // A real update (notes in a map), then maybe truncated or with flipped bytes.
  const notes = doc.getMap('fuzz');
  for (let index = 0; index < 1 + rng.int(5); index++)
    notes.set(`n${rng.int(1e6)}`, rng.chance(0.5) ? 'x'.repeat(rng.int(2_000)) : { x: rng.int(1000), y: rng.int(1000) });
  let update = Y.encodeStateAsUpdate(doc);
  if (kind === 8) update = update.slice(0, rng.int(update.length));
  if (kind === 9) update = flip(update, rng);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, rng.pick([1, 2, 2, 7]));
  encoding.writeVarUint8Array(encoder, update);
  const frame = encoding.toUint8Array(encoder);
  return kind === 10 ? frame.slice(0, rng.int(frame.length)) : frame;
}

function flip(bytes: Uint8Array, rng: Rng): Uint8Array {
  const copy = bytes.slice();
  for (let count = 0; count < 1 + rng.int(4) && copy.length > 0; count++) copy[rng.int(copy.length)] = rng.int(256);
  return copy;
}

/** One socket.io emit: an event (known, or not), its body and how it asks for an ack. */
export interface SocketMessage {
  name: string;
  body: unknown;
  ack: 'last' | 'none' | 'extra';
  extra: unknown;
}

export function socketMessage(rng: Rng, valid: [string, unknown][]): SocketMessage {
  const [event, payload] = rng.pick(valid);
  const name = rng.chance(0.15) ? unknownEventName(rng) : event;
  // Over-limit frames close the connection (and cost a reconnection): about 1 in 40.
  const roll = rng.int(40);
  const body =
    roll === 0
      ? Buffer.from(rng.bytes(rng.chance(0.6) ? 1 + rng.int(4_000) : HUGE_ATTACHMENT_BYTES))
      : roll === 1
        ? nested(500 + rng.int(2_500), rng.chance(0.5))
        : roll === 2 && rng.chance(0.5)
          ? { ...((payload as object) ?? {}), blob: rng.chance(0.5) ? 'x'.repeat(OVER_FRAME_BYTES) : Buffer.alloc(OVER_FRAME_BYTES) }
          : rng.chance(0.15)
            ? payload
            : mutate(payload, rng);
  const ack = rng.chance(0.7) ? 'last' : rng.chance(0.5) ? 'none' : 'extra';
  return { name, body, ack, extra: mutate({ extra: 1 }, rng) };
}
