import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BOARD_ORIGIN,
  BoardInputError,
  addAxisItem,
  addCluster,
  addNote,
  applyJourneyTemplate,
  editNote,
  moveAxisItem,
  moveNote,
  placeIdea,
  readBoard,
  removeAxisItem,
  removeCluster,
  removeNote,
  renameAxisItem,
  setIdeaCluster,
  setNeedLink,
  setPersona,
} from './schema';
import { DEFAULT_JOURNEY } from './defaults';

/** Two replicas that exchange every update, as two connected clients would. */
function syncedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const cell = (stepId: string, rowId: string) => ({ kind: 'cell' as const, stepId, rowId });

describe('board schema', () => {
  it('sets up the default journey map once, with fixed ids so two consoles agree', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyJourneyTemplate(a);
    applyJourneyTemplate(b);
    exchange(a, b);
    const board = readBoard(a);
    expect(board.persona).toBe(DEFAULT_JOURNEY.persona);
    expect(board.steps.map((step) => step.label)).toEqual(DEFAULT_JOURNEY.steps.map((step) => step.label));
    expect(board.rows.map((row) => row.label)).toEqual(DEFAULT_JOURNEY.rows.map((row) => row.label));
    expect(board.rows[1]?.kind).toBe('needs');
    setPersona(a, 'Une mère seule');
    applyJourneyTemplate(a);
    expect(readBoard(a).persona).toBe('Une mère seule');
  });

  it('tags every write with the board origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    applyJourneyTemplate(doc);
    addNote(doc, { id: 'note-0001', text: 'Se laver', placement: cell('step-wake', 'row-needs'), order: 1 });
    renameAxisItem(doc, 'steps', 'step-wake', 'Au réveil');
    expect(origins).toEqual([BOARD_ORIGIN, BOARD_ORIGIN, BOARD_ORIGIN]);
  });

  it('adds, renames, reorders and removes steps and rows', () => {
    const doc = new Y.Doc();
    applyJourneyTemplate(doc);
    addAxisItem(doc, 'steps', 'step-extra', 'Le goûter', { index: 4 });
    expect(readBoard(doc).steps.map((step) => step.id)).toEqual([
      'step-wake',
      'step-morning',
      'step-noon',
      'step-afternoon',
      'step-extra',
      'step-evening',
      'step-night',
    ]);
    moveAxisItem(doc, 'steps', 'step-night', 0);
    moveAxisItem(doc, 'steps', 'step-wake', 6);
    expect(readBoard(doc).steps.map((step) => step.id)).toEqual([
      'step-night',
      'step-morning',
      'step-noon',
      'step-afternoon',
      'step-extra',
      'step-evening',
      'step-wake',
    ]);
    renameAxisItem(doc, 'rows', 'row-hard', '  Ce qui   est dur ');
    expect(readBoard(doc).rows.find((row) => row.id === 'row-hard')?.label).toBe('Ce qui est dur');
    addNote(doc, { id: 'note-0001', text: 'Manger chaud', placement: cell('step-noon', 'row-needs'), order: 1 });
    removeAxisItem(doc, 'steps', 'step-noon');
    const board = readBoard(doc);
    expect(board.steps.some((step) => step.id === 'step-noon')).toBe(false);
    // The note a resident wrote is kept, on the free area.
    expect(board.notes).toHaveLength(1);
    expect(board.notes[0]?.placement.kind).toBe('free');
    expect(() => addAxisItem(doc, 'rows', 'row-x', '   ')).toThrow(BoardInputError);
    expect(() => addAxisItem(doc, 'rows', 'row-does', 'Encore')).toThrow(BoardInputError);
  });

  it('validates notes: words or a feeling, bounded, known emoji, safe ids; a resend adds nothing', () => {
    const doc = new Y.Doc();
    applyJourneyTemplate(doc);
    expect(() => addNote(doc, { id: 'note-0001', text: ' ', placement: cell('step-wake', 'row-does'), order: 1 })).toThrow(BoardInputError);
    expect(() => addNote(doc, { id: 'note-0001', text: 'x'.repeat(141), placement: cell('step-wake', 'row-does'), order: 1 })).toThrow(BoardInputError);
    expect(() => addNote(doc, { id: 'bad id!', text: 'ok', placement: cell('step-wake', 'row-does'), order: 1 })).toThrow(BoardInputError);
    expect(() => addNote(doc, { id: 'note-0001', text: '', feeling: '🍕' as never, placement: cell('step-wake', 'row-feels'), order: 1 })).toThrow(
      BoardInputError,
    );
    addNote(doc, { id: 'note-0001', text: '', feeling: '😢', placement: cell('step-wake', 'row-feels'), order: 1 });
    addNote(doc, { id: 'note-0001', text: 'autre', placement: cell('step-night', 'row-feels'), order: 2 });
    const notes = readBoard(doc).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ text: '', feeling: '😢', placement: cell('step-wake', 'row-feels') });
    editNote(doc, 'note-0001', { text: 'Froid', feeling: null });
    expect(readBoard(doc).notes[0]).toMatchObject({ text: 'Froid', feeling: null });
  });

  it('never loses a concurrent edit: one moves a note while another edits it, two add at once', () => {
    const a = new Y.Doc();
    applyJourneyTemplate(a);
    addNote(a, { id: 'note-0001', text: 'Se laver', placement: cell('step-wake', 'row-needs'), order: 1 });
    const b = new Y.Doc();
    exchange(a, b);
    moveNote(a, 'note-0001', cell('step-morning', 'row-needs'), 2);
    editNote(b, 'note-0001', { text: 'Se laver et se raser' });
    addNote(a, { id: 'note-000a', text: 'Un café', placement: cell('step-morning', 'row-needs'), order: 3 });
    addNote(b, { id: 'note-000b', text: 'Du calme', placement: cell('step-morning', 'row-needs'), order: 3 });
    exchange(a, b);
    const fromA = readBoard(a);
    expect(fromA).toEqual(readBoard(b));
    expect(fromA.notes.map((note) => note.id).sort()).toEqual(['note-0001', 'note-000a', 'note-000b']);
    expect(fromA.notes.find((note) => note.id === 'note-0001')).toMatchObject({ text: 'Se laver et se raser', placement: cell('step-morning', 'row-needs') });
  });

  it('shows on the free area a note put in a column someone else removed at the same time', () => {
    const [a, b] = syncedPair();
    applyJourneyTemplate(a);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(b));
    addNote(offline, { id: 'note-0001', text: 'Un banc', placement: cell('step-night', 'row-needs'), order: 1 });
    removeAxisItem(a, 'steps', 'step-night');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(offline));
    const notes = readBoard(a).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]?.placement.kind).toBe('free');
  });

  it('keeps idea placements, clusters and need links keyed by id', () => {
    const doc = new Y.Doc();
    applyJourneyTemplate(doc);
    addNote(doc, { id: 'note-0001', text: 'Manger chaud', placement: cell('step-noon', 'row-needs'), order: 1 });
    placeIdea(doc, 'idea-1', 100, 900);
    addCluster(doc, 'cluster-1', 'Se nourrir', 1400, 900);
    setIdeaCluster(doc, 'idea-2', 'cluster-1');
    setNeedLink(doc, 'note-0001', 'idea-2', true);
    let board = readBoard(doc);
    expect(board.ideaPlacements.get('idea-1')).toEqual({ ideaId: 'idea-1', x: 100, y: 900, clusterId: null });
    expect(board.ideaPlacements.get('idea-2')?.clusterId).toBe('cluster-1');
    expect(board.clusters).toEqual([{ id: 'cluster-1', name: 'Se nourrir', x: 1400, y: 900 }]);
    expect(board.links).toEqual([{ noteId: 'note-0001', ideaId: 'idea-2' }]);
    expect(() => setIdeaCluster(doc, 'idea-1', 'nope')).toThrow(BoardInputError);
    removeCluster(doc, 'cluster-1');
    removeNote(doc, 'note-0001');
    board = readBoard(doc);
    expect(board.ideaPlacements.get('idea-2')?.clusterId).toBeNull();
    expect(board.links).toEqual([]);
  });
});
