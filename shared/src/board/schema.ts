/**
 * The typed schema of a workshop's board: one Yjs document with named root maps. Everything that
 * reads the document goes through `readBoard`; everything that writes goes through the functions
 * below, each one `doc.transact(…, BOARD_ORIGIN)`, so observers can tell local board writes apart
 * (and an UndoManager can track them).
 *
 * Each note, step, row, cluster and idea placement is its own nested Y.Map: two people changing
 * different fields of the same note (one moves it, one edits it) both win; the same field is
 * last-writer-wins. Order of steps and rows is a fractional `order` (ties broken by id), so
 * reordering never duplicates or loses a column the way moving items in a Y.Array can.
 *
 * Ideas themselves stay in the SQL store (their text, whether they are hidden): the board keeps
 * only where each idea's note sits, keyed by idea id. Hiding or editing an idea changes its note.
 */
import * as Y from 'yjs';
import { countChars, normalizeText } from '../domain/text';
import {
  MAX_BOARD_LABEL_CHARS,
  MAX_CLUSTER_NAME_CHARS,
  MAX_JOURNEY_ROWS,
  MAX_JOURNEY_STEPS,
  MAX_NOTE_CHARS,
  MAX_PERSONA_CHARS,
  isFeeling,
  type Feeling,
} from './constants';
import { DEFAULT_JOURNEY, type JourneyTemplate, type RowKind } from './defaults';

/** Origin of every transaction made through this module. */
export const BOARD_ORIGIN = 'gommette:board';

export const ROOT = {
  meta: 'meta',
  steps: 'steps',
  rows: 'rows',
  notes: 'notes',
  ideaNotes: 'ideaNotes',
  clusters: 'clusters',
  links: 'links',
} as const;

export type Axis = 'steps' | 'rows';

export interface AxisItem {
  id: string;
  label: string;
  order: number;
}
export interface JourneyRow extends AxisItem {
  kind: RowKind;
}

export type NotePlacement = { kind: 'cell'; stepId: string; rowId: string } | { kind: 'free'; x: number; y: number };

export interface BoardNote {
  id: string;
  text: string;
  feeling: Feeling | null;
  /** The site (later: the table) it was written from; never a person. */
  siteId: string | null;
  placement: NotePlacement;
  /** Orders notes within a cell (time it was put there). */
  order: number;
}

export interface IdeaPlacement {
  ideaId: string;
  /** Free position, used when not in a cluster. */
  x: number;
  y: number;
  clusterId: string | null;
}

export interface Cluster {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface NeedLink {
  noteId: string;
  ideaId: string;
}

export interface BoardState {
  persona: string;
  steps: AxisItem[];
  rows: JourneyRow[];
  notes: BoardNote[];
  ideaPlacements: Map<string, IdeaPlacement>;
  clusters: Cluster[];
  links: NeedLink[];
}

type YRecord = Y.Map<unknown>;

export function boardRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    steps: doc.getMap<YRecord>(ROOT.steps),
    rows: doc.getMap<YRecord>(ROOT.rows),
    notes: doc.getMap<YRecord>(ROOT.notes),
    ideaNotes: doc.getMap<YRecord>(ROOT.ideaNotes),
    clusters: doc.getMap<YRecord>(ROOT.clusters),
    links: doc.getMap<boolean>(ROOT.links),
  };
}

export class BoardInputError extends Error {}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function cleanText(raw: string, max: number, what: string, { allowEmpty = false } = {}): string {
  const text = normalizeText(raw);
  if (!allowEmpty && text.length === 0) throw new BoardInputError(`${what} is empty`);
  if (countChars(text) > max) throw new BoardInputError(`${what} is longer than ${max} characters`);
  return text;
}

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new BoardInputError(`${what} is not a number`);
  return Math.round(value);
}

const byOrder = (a: AxisItem, b: AxisItem): number => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const linkKey = (noteId: string, ideaId: string): string => `${noteId}>${ideaId}`;
const rowKinds: ReadonlyArray<RowKind> = ['does', 'needs', 'feelings', 'hard', 'other'];

function readPlacement(record: YRecord): NotePlacement {
  const stepId = record.get('stepId');
  const rowId = record.get('rowId');
  if (typeof stepId === 'string' && typeof rowId === 'string') return { kind: 'cell', stepId, rowId };
  return { kind: 'free', x: num(record.get('x')), y: num(record.get('y')) };
}

/** A plain snapshot of the whole board, ordered: steps and rows by their order, notes by cell order. */
export function readBoard(doc: Y.Doc): BoardState {
  const roots = boardRoots(doc);
  const steps: AxisItem[] = [];
  roots.steps.forEach((record, id) => steps.push({ id, label: str(record.get('label')), order: num(record.get('order')) }));
  const rows: JourneyRow[] = [];
  roots.rows.forEach((record, id) => {
    const kind = record.get('kind');
    rows.push({ id, label: str(record.get('label')), order: num(record.get('order')), kind: rowKinds.includes(kind as RowKind) ? (kind as RowKind) : 'other' });
  });
  steps.sort(byOrder);
  rows.sort(byOrder);
  const stepIds = new Set(steps.map((step) => step.id));
  const rowIds = new Set(rows.map((row) => row.id));
  const notes: BoardNote[] = [];
  roots.notes.forEach((record, id) => {
    let placement = readPlacement(record);
    // A note whose column or row was removed concurrently shows on the free area, never lost.
    if (placement.kind === 'cell' && !(stepIds.has(placement.stepId) && rowIds.has(placement.rowId))) {
      placement = { kind: 'free', x: num(record.get('x')), y: num(record.get('y')) };
    }
    const feeling = record.get('feeling');
    notes.push({
      id,
      text: str(record.get('text')),
      feeling: isFeeling(feeling) ? feeling : null,
      siteId: typeof record.get('siteId') === 'string' ? (record.get('siteId') as string) : null,
      placement,
      order: num(record.get('order')),
    });
  });
  notes.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const ideaPlacements = new Map<string, IdeaPlacement>();
  roots.ideaNotes.forEach((record, ideaId) => {
    const clusterId = record.get('clusterId');
    ideaPlacements.set(ideaId, {
      ideaId,
      x: num(record.get('x')),
      y: num(record.get('y')),
      clusterId: typeof clusterId === 'string' && roots.clusters.has(clusterId) ? clusterId : null,
    });
  });
  const clusters: Cluster[] = [];
  roots.clusters.forEach((record, id) => clusters.push({ id, name: str(record.get('name')), x: num(record.get('x')), y: num(record.get('y')) }));
  clusters.sort((a, b) => (a.id < b.id ? -1 : 1));
  const links: NeedLink[] = [];
  roots.links.forEach((_value, key) => {
    const [noteId, ideaId] = key.split('>');
    if (noteId && ideaId && roots.notes.has(noteId)) links.push({ noteId, ideaId });
  });
  return { persona: str(roots.meta.get('persona')), steps, rows, notes, ideaPlacements, clusters, links };
}

/** True once a journey map has been set up (by the template or by hand). */
export function hasJourney(doc: Y.Doc): boolean {
  const roots = boardRoots(doc);
  return roots.meta.has('persona') || roots.steps.size > 0 || roots.rows.size > 0;
}

/** Writes the template into an empty board; does nothing on a board that has a journey map. */
export function applyJourneyTemplate(doc: Y.Doc, template: JourneyTemplate = DEFAULT_JOURNEY): void {
  if (hasJourney(doc)) return;
  doc.transact(() => {
    const roots = boardRoots(doc);
    roots.meta.set('persona', template.persona);
    template.steps.forEach((step, index) => roots.steps.set(step.id, record({ label: step.label, order: index + 1 })));
    template.rows.forEach((row, index) => roots.rows.set(row.id, record({ label: row.label, order: index + 1, kind: row.kind })));
  }, BOARD_ORIGIN);
}

function record(fields: Record<string, unknown>): YRecord {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
  return map;
}

export function setPersona(doc: Y.Doc, persona: string): void {
  const text = cleanText(persona, MAX_PERSONA_CHARS, 'persona', { allowEmpty: true });
  doc.transact(() => boardRoots(doc).meta.set('persona', text), BOARD_ORIGIN);
}

function axisMap(doc: Y.Doc, axis: Axis): Y.Map<YRecord> {
  return axis === 'steps' ? boardRoots(doc).steps : boardRoots(doc).rows;
}

function sortedAxis(doc: Y.Doc, axis: Axis): AxisItem[] {
  const items: AxisItem[] = [];
  axisMap(doc, axis).forEach((value, id) => items.push({ id, label: str(value.get('label')), order: num(value.get('order')) }));
  return items.sort(byOrder);
}

/** The order that puts an item at `index` among `others` (already sorted, without the item). */
function orderAt(others: AxisItem[], index: number): number {
  const clamped = Math.max(0, Math.min(index, others.length));
  const before = others[clamped - 1];
  const after = others[clamped];
  if (!before && !after) return 1;
  if (!before) return after!.order - 1;
  if (!after) return before.order + 1;
  return (before.order + after.order) / 2;
}

/** Adds a column (step) or row at `index` (default: at the end). */
export function addAxisItem(doc: Y.Doc, axis: Axis, id: string, label: string, options: { index?: number; kind?: RowKind } = {}): void {
  const text = cleanText(label, MAX_BOARD_LABEL_CHARS, 'label');
  const items = sortedAxis(doc, axis);
  if (items.some((item) => item.id === id)) throw new BoardInputError('id already used');
  if (items.length >= (axis === 'steps' ? MAX_JOURNEY_STEPS : MAX_JOURNEY_ROWS)) throw new BoardInputError(`too many ${axis}`);
  const order = orderAt(items, options.index ?? items.length);
  doc.transact(() => {
    axisMap(doc, axis).set(id, record({ label: text, order, kind: axis === 'rows' ? (options.kind ?? 'other') : undefined }));
  }, BOARD_ORIGIN);
}

export function renameAxisItem(doc: Y.Doc, axis: Axis, id: string, label: string): void {
  const text = cleanText(label, MAX_BOARD_LABEL_CHARS, 'label');
  const item = axisMap(doc, axis).get(id);
  if (!item) throw new BoardInputError(`no such ${axis} item`);
  doc.transact(() => item.set('label', text), BOARD_ORIGIN);
}

/** Moves a step or row to `index` in the current order. */
export function moveAxisItem(doc: Y.Doc, axis: Axis, id: string, index: number): void {
  const item = axisMap(doc, axis).get(id);
  if (!item) throw new BoardInputError(`no such ${axis} item`);
  const others = sortedAxis(doc, axis).filter((other) => other.id !== id);
  const order = orderAt(others, index);
  doc.transact(() => item.set('order', order), BOARD_ORIGIN);
}

/**
 * Removes a step or row. Its notes are not deleted: they go to the free area, where the
 * facilitator can put them back (something a resident wrote is never lost by a layout change).
 */
export function removeAxisItem(doc: Y.Doc, axis: Axis, id: string, freeSpot: { x: number; y: number } = { x: 0, y: -200 }): void {
  const key = axis === 'steps' ? 'stepId' : 'rowId';
  doc.transact(() => {
    const roots = boardRoots(doc);
    let shift = 0;
    roots.notes.forEach((note) => {
      if (note.get(key) !== id) return;
      note.delete('stepId');
      note.delete('rowId');
      note.set('x', freeSpot.x + (shift % 8) * 130);
      note.set('y', freeSpot.y + Math.floor(shift / 8) * 90);
      shift++;
    });
    axisMap(doc, axis).delete(id);
  }, BOARD_ORIGIN);
}

export interface NewNote {
  id: string;
  text: string;
  feeling?: Feeling | null;
  siteId?: string | null;
  placement: NotePlacement;
  /** Orders notes within a cell; a time is a good value. */
  order: number;
}

function writePlacement(note: YRecord, placement: NotePlacement): void {
  if (placement.kind === 'cell') {
    note.set('stepId', placement.stepId);
    note.set('rowId', placement.rowId);
  } else {
    note.delete('stepId');
    note.delete('rowId');
    note.set('x', finite(placement.x, 'x'));
    note.set('y', finite(placement.y, 'y'));
  }
}

/** Adds a note; a note needs words or a feeling. Adding an id twice keeps one note (a resend). */
export function addNote(doc: Y.Doc, input: NewNote): void {
  const text = cleanText(input.text, MAX_NOTE_CHARS, 'note', { allowEmpty: true });
  const feeling = input.feeling ?? null;
  if (feeling !== null && !isFeeling(feeling)) throw new BoardInputError('unknown feeling');
  if (text.length === 0 && feeling === null) throw new BoardInputError('empty note');
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(input.id)) throw new BoardInputError('invalid note id');
  doc.transact(() => {
    const notes = boardRoots(doc).notes;
    if (notes.has(input.id)) return;
    const note = record({ text, feeling: feeling ?? undefined, siteId: input.siteId ?? undefined, order: input.order });
    notes.set(input.id, note);
    writePlacement(note, input.placement);
  }, BOARD_ORIGIN);
}

export function editNote(doc: Y.Doc, id: string, changes: { text?: string; feeling?: Feeling | null }): void {
  const note = boardRoots(doc).notes.get(id);
  if (!note) throw new BoardInputError('no such note');
  const text = changes.text === undefined ? undefined : cleanText(changes.text, MAX_NOTE_CHARS, 'note', { allowEmpty: true });
  if (changes.feeling != null && !isFeeling(changes.feeling)) throw new BoardInputError('unknown feeling');
  doc.transact(() => {
    if (text !== undefined) note.set('text', text);
    if (changes.feeling === null) note.delete('feeling');
    else if (changes.feeling !== undefined) note.set('feeling', changes.feeling);
  }, BOARD_ORIGIN);
}

/** Moves a note into a cell (last in it) or onto the free area. */
export function moveNote(doc: Y.Doc, id: string, placement: NotePlacement, order: number): void {
  const note = boardRoots(doc).notes.get(id);
  if (!note) throw new BoardInputError('no such note');
  doc.transact(() => {
    writePlacement(note, placement);
    note.set('order', order);
  }, BOARD_ORIGIN);
}

export function removeNote(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const roots = boardRoots(doc);
    roots.notes.delete(id);
    for (const key of Array.from(roots.links.keys())) if (key.startsWith(`${id}>`)) roots.links.delete(key);
  }, BOARD_ORIGIN);
}

/** Puts an idea's note at a free position (out of any cluster). */
export function placeIdea(doc: Y.Doc, ideaId: string, x: number, y: number): void {
  doc.transact(() => {
    const ideaNotes = boardRoots(doc).ideaNotes;
    let placement = ideaNotes.get(ideaId);
    if (!placement) {
      placement = new Y.Map<unknown>();
      ideaNotes.set(ideaId, placement);
    }
    placement.set('x', finite(x, 'x'));
    placement.set('y', finite(y, 'y'));
    placement.delete('clusterId');
  }, BOARD_ORIGIN);
}

/** Puts an idea's note into a cluster (or out of it with `null`). */
export function setIdeaCluster(doc: Y.Doc, ideaId: string, clusterId: string | null): void {
  const roots = boardRoots(doc);
  if (clusterId !== null && !roots.clusters.has(clusterId)) throw new BoardInputError('no such cluster');
  doc.transact(() => {
    let placement = roots.ideaNotes.get(ideaId);
    if (!placement) {
      placement = new Y.Map<unknown>();
      roots.ideaNotes.set(ideaId, placement);
    }
    if (clusterId === null) placement.delete('clusterId');
    else placement.set('clusterId', clusterId);
  }, BOARD_ORIGIN);
}

export function addCluster(doc: Y.Doc, id: string, name: string, x: number, y: number): void {
  const text = cleanText(name, MAX_CLUSTER_NAME_CHARS, 'cluster name');
  doc.transact(() => boardRoots(doc).clusters.set(id, record({ name: text, x: finite(x, 'x'), y: finite(y, 'y') })), BOARD_ORIGIN);
}

export function renameCluster(doc: Y.Doc, id: string, name: string): void {
  const text = cleanText(name, MAX_CLUSTER_NAME_CHARS, 'cluster name');
  const cluster = boardRoots(doc).clusters.get(id);
  if (!cluster) throw new BoardInputError('no such cluster');
  doc.transact(() => cluster.set('name', text), BOARD_ORIGIN);
}

export function moveCluster(doc: Y.Doc, id: string, x: number, y: number): void {
  const cluster = boardRoots(doc).clusters.get(id);
  if (!cluster) throw new BoardInputError('no such cluster');
  doc.transact(() => {
    cluster.set('x', finite(x, 'x'));
    cluster.set('y', finite(y, 'y'));
  }, BOARD_ORIGIN);
}

/** Removes a cluster; its ideas stay where they were drawn, out of any cluster. */
export function removeCluster(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const roots = boardRoots(doc);
    roots.ideaNotes.forEach((placement) => {
      if (placement.get('clusterId') === id) placement.delete('clusterId');
    });
    roots.clusters.delete(id);
  }, BOARD_ORIGIN);
}

/** Links a note of a step (what the person needs) to an idea that answers it, or unlinks it. */
export function setNeedLink(doc: Y.Doc, noteId: string, ideaId: string, linked: boolean): void {
  const roots = boardRoots(doc);
  if (linked && !roots.notes.has(noteId)) throw new BoardInputError('no such note');
  doc.transact(() => {
    if (linked) roots.links.set(linkKey(noteId, ideaId), true);
    else roots.links.delete(linkKey(noteId, ideaId));
  }, BOARD_ORIGIN);
}
