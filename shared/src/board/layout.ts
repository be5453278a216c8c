/**
 * Where things are drawn on the board, in board units (1 unit = 1 CSS pixel at zoom 1). Pure:
 * the projector, the console and the tests all compute the same rectangles from the same state.
 *
 *   persona banner
 *   ┌──────────┬────────┬────────┬──
 *   │          │ step 1 │ step 2 │ …      the journey grid, rows grow with their fullest cell
 *   │ row 1    │ notes  │ notes  │
 *   └──────────┴────────┴────────┴──
 *   ideas, grouped (by site today, by table later), then clusters, below the grid;
 *   the matrix of the Sélection step to the right (see `layoutMatrix`)
 */
import { MATRIX_SCALE } from '../vote/constants';
import type { AxisItem, BoardNote, BoardState, Cluster, IdeaPlacement } from './schema';

export const NOTE_WIDTH = 110;
export const NOTE_HEIGHT = 72;
export const NOTE_GAP = 10;
export const STEP_WIDTH = 2 * NOTE_WIDTH + 3 * NOTE_GAP;
export const ROW_HEADER_WIDTH = 200;
export const PERSONA_HEIGHT = 80;
export const STEP_HEADER_HEIGHT = 56;
const NOTES_PER_CELL_ROW = 2;
const MIN_ROW_HEIGHT = NOTE_HEIGHT + 2 * NOTE_GAP;
/** Ideas start this far below the grid. */
const IDEAS_MARGIN = 120;
const IDEAS_PER_LINE = 10;
const GROUP_GAP = 60;
export const CLUSTER_COLUMNS = 3;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CellRect extends Rect {
  stepId: string;
  rowId: string;
}

export interface JourneyLayout {
  persona: Rect;
  steps: Array<{ item: AxisItem; rect: Rect }>;
  rows: Array<{ item: AxisItem; rect: Rect }>;
  cells: CellRect[];
  /** Each note in a cell → its rectangle. Free notes use their own x/y. */
  notes: Map<string, Rect>;
  grid: Rect;
}

export const cellKey = (stepId: string, rowId: string): string => `${stepId}|${rowId}`;

/** Notes per cell, in display order. */
export function notesByCell(notes: ReadonlyArray<BoardNote>): Map<string, BoardNote[]> {
  const cells = new Map<string, BoardNote[]>();
  for (const note of notes) {
    if (note.placement.kind !== 'cell') continue;
    const key = cellKey(note.placement.stepId, note.placement.rowId);
    const list = cells.get(key);
    if (list) list.push(note);
    else cells.set(key, [note]);
  }
  return cells;
}

export function layoutJourney(state: Pick<BoardState, 'steps' | 'rows' | 'notes'>): JourneyLayout {
  const byCell = notesByCell(state.notes);
  const top = PERSONA_HEIGHT + STEP_HEADER_HEIGHT;
  const steps = state.steps.map((item, index) => ({
    item,
    rect: { x: ROW_HEADER_WIDTH + index * STEP_WIDTH, y: PERSONA_HEIGHT, width: STEP_WIDTH, height: STEP_HEADER_HEIGHT },
  }));
  const rows: JourneyLayout['rows'] = [];
  let y = top;
  for (const item of state.rows) {
    let most = 0;
    for (const step of state.steps) most = Math.max(most, byCell.get(cellKey(step.id, item.id))?.length ?? 0);
    const lines = Math.max(1, Math.ceil(most / NOTES_PER_CELL_ROW));
    const height = Math.max(MIN_ROW_HEIGHT, lines * (NOTE_HEIGHT + NOTE_GAP) + NOTE_GAP);
    rows.push({ item, rect: { x: 0, y, width: ROW_HEADER_WIDTH, height } });
    y += height;
  }
  const width = ROW_HEADER_WIDTH + state.steps.length * STEP_WIDTH;
  const cells: CellRect[] = [];
  const notes = new Map<string, Rect>();
  for (const row of rows) {
    for (const step of steps) {
      const cell: CellRect = { x: step.rect.x, y: row.rect.y, width: STEP_WIDTH, height: row.rect.height, stepId: step.item.id, rowId: row.item.id };
      cells.push(cell);
      (byCell.get(cellKey(step.item.id, row.item.id)) ?? []).forEach((note, index) => {
        notes.set(note.id, {
          x: cell.x + NOTE_GAP + (index % NOTES_PER_CELL_ROW) * (NOTE_WIDTH + NOTE_GAP),
          y: cell.y + NOTE_GAP + Math.floor(index / NOTES_PER_CELL_ROW) * (NOTE_HEIGHT + NOTE_GAP),
          width: NOTE_WIDTH,
          height: NOTE_HEIGHT,
        });
      });
    }
  }
  return {
    persona: { x: 0, y: 0, width: Math.max(width, ROW_HEADER_WIDTH + STEP_WIDTH), height: PERSONA_HEIGHT },
    steps,
    rows,
    cells,
    notes,
    grid: { x: 0, y: PERSONA_HEIGHT, width, height: y - PERSONA_HEIGHT },
  };
}

/** The cell under a board point, or null (free area). */
export function cellAt(layout: JourneyLayout, x: number, y: number): CellRect | null {
  return layout.cells.find((cell) => x >= cell.x && x < cell.x + cell.width && y >= cell.y && y < cell.y + cell.height) ?? null;
}

export function rectOfNote(layout: JourneyLayout, note: BoardNote): Rect {
  if (note.placement.kind === 'free') return { x: note.placement.x, y: note.placement.y, width: NOTE_WIDTH, height: NOTE_HEIGHT };
  return layout.notes.get(note.id) ?? { x: 0, y: 0, width: NOTE_WIDTH, height: NOTE_HEIGHT };
}

/** What the board needs to know of an idea (the text and visibility come from the SQL store). */
export interface BoardIdea {
  id: string;
  text: string;
  siteId: string;
  createdAt: number;
  /** The table it was written at, when the workshop has tables. */
  tableId?: number | null;
}

const TABLE_GROUP = 'table:';

/** The group an idea's note falls in before anyone moves it: its table, else its site. */
export const ideaGroupKey = (idea: BoardIdea): string => (idea.tableId != null ? `${TABLE_GROUP}${idea.tableId}` : idea.siteId);

/** The table number of a group key made by `ideaGroupKey`, or null for a site's group. */
export function tableOfGroup(key: string): number | null {
  return key.startsWith(TABLE_GROUP) ? Number(key.slice(TABLE_GROUP.length)) : null;
}

export interface IdeaLayout {
  ideas: Map<string, Rect>;
  clusters: Map<string, Rect>;
  groups: Array<{ key: string; rect: Rect }>;
}

/** Rectangle of a cluster holding `count` notes (a frame with a title band). */
export function clusterRect(cluster: Cluster, count: number): Rect {
  const lines = Math.max(1, Math.ceil(count / CLUSTER_COLUMNS));
  return {
    x: cluster.x,
    y: cluster.y,
    width: CLUSTER_COLUMNS * (NOTE_WIDTH + NOTE_GAP) + NOTE_GAP,
    height: 44 + lines * (NOTE_HEIGHT + NOTE_GAP) + NOTE_GAP,
  };
}

/**
 * Places every visible idea: in its cluster, at the place someone dragged it to, or (never
 * moved) in its group's block below the journey grid.
 */
export function layoutIdeas(
  ideas: ReadonlyArray<BoardIdea>,
  placements: ReadonlyMap<string, IdeaPlacement>,
  clusters: ReadonlyArray<Cluster>,
  below: number,
): IdeaLayout {
  const result: IdeaLayout = { ideas: new Map(), clusters: new Map(), groups: [] };
  const members = new Map<string, BoardIdea[]>(clusters.map((cluster) => [cluster.id, []]));
  const groups = new Map<string, BoardIdea[]>();
  for (const idea of ideas) {
    const placement = placements.get(idea.id);
    if (placement?.clusterId && members.has(placement.clusterId)) members.get(placement.clusterId)!.push(idea);
    else if (placement) result.ideas.set(idea.id, { x: placement.x, y: placement.y, width: NOTE_WIDTH, height: NOTE_HEIGHT });
    else {
      const key = ideaGroupKey(idea);
      const list = groups.get(key);
      if (list) list.push(idea);
      else groups.set(key, [idea]);
    }
  }
  for (const cluster of clusters) {
    const list = members.get(cluster.id)!;
    result.clusters.set(cluster.id, clusterRect(cluster, list.length));
    list.forEach((idea, index) => {
      result.ideas.set(idea.id, {
        x: cluster.x + NOTE_GAP + (index % CLUSTER_COLUMNS) * (NOTE_WIDTH + NOTE_GAP),
        y: cluster.y + 44 + Math.floor(index / CLUSTER_COLUMNS) * (NOTE_HEIGHT + NOTE_GAP),
        width: NOTE_WIDTH,
        height: NOTE_HEIGHT,
      });
    });
  }
  let y = below + IDEAS_MARGIN;
  for (const [key, list] of groups) {
    const lines = Math.ceil(list.length / IDEAS_PER_LINE);
    const rect = { x: 0, y, width: IDEAS_PER_LINE * (NOTE_WIDTH + NOTE_GAP) + NOTE_GAP, height: 36 + lines * (NOTE_HEIGHT + NOTE_GAP) + NOTE_GAP };
    result.groups.push({ key, rect });
    list.forEach((idea, index) => {
      result.ideas.set(idea.id, {
        x: NOTE_GAP + (index % IDEAS_PER_LINE) * (NOTE_WIDTH + NOTE_GAP),
        y: y + 36 + Math.floor(index / IDEAS_PER_LINE) * (NOTE_HEIGHT + NOTE_GAP),
        width: NOTE_WIDTH,
        height: NOTE_HEIGHT,
      });
    });
    y += rect.height + GROUP_GAP;
  }
  return result;
}

/** Smallest rectangle holding all of `rects` (for fit-to-screen). */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rect of rects) {
    minX = Math.min(minX, rect.x);
    minY = Math.min(minY, rect.y);
    maxX = Math.max(maxX, rect.x + rect.width);
    maxY = Math.max(maxY, rect.y + rect.height);
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

export const rectsOverlap = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/*
 * The matrix of the Sélection step ("facile à faire × prioritaire"), drawn in the same space, to
 * the right of the journey map and the idea groups:
 *
 *   title
 *   ┌─────────────┬─────────────┐
 *   │ hard but    │ easy and    │   ↑ priority
 *   │ priority    │ priority ★  │
 *   ├─────────────┼─────────────┤
 *   │ hard, can   │ easy, can   │
 *   │ wait        │ wait        │
 *   └─────────────┴─────────────┘
 *                  easy →
 *
 * Placements come from the matrix data (the vote store), never from the Yjs document.
 */

/** Side of the matrix's square plot, in board units. */
export const MATRIX_PLOT_SIZE = 1200;
/** Room left of and below the plot for the axis labels, and above it for the title. */
export const MATRIX_AXIS_BAND = 90;
export const MATRIX_TITLE_BAND = 80;
/** Gap between the rest of the board and the matrix. */
export const MATRIX_MARGIN = 240;
/** Notes on the matrix are bigger than the journey's: the projector shows them from afar. */
export const MATRIX_NOTE_WIDTH = 170;
export const MATRIX_NOTE_HEIGHT = 96;
/** Free space kept around notes inside their quadrant. */
const QUADRANT_PADDING = 12;

export type MatrixQuadrant = 'easy-priority' | 'hard-priority' | 'easy-later' | 'hard-later';

/** One placed idea: its coordinates 0…MATRIX_SCALE (see shared/src/vote/matrix.ts). */
export interface MatrixSpot {
  ideaId: string;
  easy: number;
  priority: number;
}

export interface MatrixLayout {
  /** Everything the matrix takes on the board, labels included (for fit and focus). */
  frame: Rect;
  /** The square where ideas sit. */
  plot: Rect;
  quadrants: Array<{ quadrant: MatrixQuadrant; rect: Rect }>;
  /** Each placed idea's note and the quadrant it is drawn in. */
  notes: Map<string, { rect: Rect; quadrant: MatrixQuadrant }>;
}

/** Which quadrant a placement belongs to; the middle counts as easy / priority (as `inEasyPriorityQuadrant`). */
export function quadrantOf(spot: Pick<MatrixSpot, 'easy' | 'priority'>): MatrixQuadrant {
  const half = MATRIX_SCALE / 2;
  const easy = spot.easy >= half;
  if (spot.priority >= half) return easy ? 'easy-priority' : 'hard-priority';
  return easy ? 'easy-later' : 'hard-later';
}

/** Where the matrix goes: right of the journey map and of the idea groups below it. */
export function matrixOrigin(journey: JourneyLayout, ideas: Pick<IdeaLayout, 'groups'>): { x: number; y: number } {
  let right = Math.max(journey.persona.x + journey.persona.width, journey.grid.x + journey.grid.width);
  for (const group of ideas.groups) right = Math.max(right, group.rect.x + group.rect.width);
  return { x: right + MATRIX_MARGIN, y: 0 };
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The note-sized slots of a quadrant, spread evenly inside its padding, row by row. */
function slotsOf(box: Rect): Rect[] {
  const innerWidth = box.width - 2 * QUADRANT_PADDING;
  const innerHeight = box.height - 2 * QUADRANT_PADDING;
  const columns = Math.max(1, Math.floor((innerWidth + NOTE_GAP) / (MATRIX_NOTE_WIDTH + NOTE_GAP)));
  const rows = Math.max(1, Math.floor((innerHeight + NOTE_GAP) / (MATRIX_NOTE_HEIGHT + NOTE_GAP)));
  const stepX = columns > 1 ? (innerWidth - MATRIX_NOTE_WIDTH) / (columns - 1) : 0;
  const stepY = rows > 1 ? (innerHeight - MATRIX_NOTE_HEIGHT) / (rows - 1) : 0;
  const slots: Rect[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      slots.push({
        x: box.x + QUADRANT_PADDING + column * stepX,
        y: box.y + QUADRANT_PADDING + row * stepY,
        width: MATRIX_NOTE_WIDTH,
        height: MATRIX_NOTE_HEIGHT,
      });
    }
  }
  return slots;
}

/**
 * Lays out the matrix at `origin`: the plot, its quadrants and a note per placed idea near its
 * coordinates: each quadrant is a grid of note-sized slots, and a note takes the free slot nearest
 * to its spot, so notes stay inside their own quadrant and never cover each other while the
 * quadrant has room. Deterministic: every view draws the same.
 */
export function layoutMatrix(spots: ReadonlyArray<MatrixSpot>, origin: { x: number; y: number }): MatrixLayout {
  const plot: Rect = { x: origin.x + MATRIX_AXIS_BAND, y: origin.y + MATRIX_TITLE_BAND, width: MATRIX_PLOT_SIZE, height: MATRIX_PLOT_SIZE };
  const half = MATRIX_PLOT_SIZE / 2;
  const rectOf: Record<MatrixQuadrant, Rect> = {
    'hard-priority': { x: plot.x, y: plot.y, width: half, height: half },
    'easy-priority': { x: plot.x + half, y: plot.y, width: half, height: half },
    'hard-later': { x: plot.x, y: plot.y + half, width: half, height: half },
    'easy-later': { x: plot.x + half, y: plot.y + half, width: half, height: half },
  };
  const quadrants = (['easy-priority', 'hard-priority', 'easy-later', 'hard-later'] as const).map((quadrant) => ({ quadrant, rect: rectOf[quadrant] }));
  const notes: MatrixLayout['notes'] = new Map();
  /** Per quadrant: how many notes sit on each slot of its grid. */
  const taken = new Map<MatrixQuadrant, Map<number, number>>(quadrants.map(({ quadrant }) => [quadrant, new Map()]));
  // Most important first: they get the slot nearest their spot; later ones take the next free ones.
  const ordered = [...spots].sort((a, b) => b.priority - a.priority || b.easy - a.easy || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0));
  for (const spot of ordered) {
    if (notes.has(spot.ideaId)) continue;
    const quadrant = quadrantOf(spot);
    const box = rectOf[quadrant];
    const idealX = plot.x + (clamp(spot.easy, 0, MATRIX_SCALE) / MATRIX_SCALE) * MATRIX_PLOT_SIZE;
    const idealY = plot.y + (1 - clamp(spot.priority, 0, MATRIX_SCALE) / MATRIX_SCALE) * MATRIX_PLOT_SIZE;
    const used = taken.get(quadrant)!;
    // The free slot of the quadrant's grid nearest to the idea's spot; a full quadrant stacks
    // the extra notes, slightly offset, on the nearest slot.
    const slots = slotsOf(box);
    const byDistance = slots
      .map((slot, index) => ({ index, d: Math.hypot(slot.x + MATRIX_NOTE_WIDTH / 2 - idealX, slot.y + MATRIX_NOTE_HEIGHT / 2 - idealY) }))
      .sort((a, b) => a.d - b.d || a.index - b.index);
    const free = byDistance.find((slot) => !used.has(slot.index));
    const chosen = free ?? byDistance[0]!;
    const extra = free ? 0 : (used.get(chosen.index) ?? 0);
    used.set(chosen.index, extra + 1);
    const slot = slots[chosen.index]!;
    const rect: Rect = {
      x: Math.min(slot.x + extra * 8, box.x + box.width - MATRIX_NOTE_WIDTH),
      y: Math.min(slot.y + extra * 8, box.y + box.height - MATRIX_NOTE_HEIGHT),
      width: MATRIX_NOTE_WIDTH,
      height: MATRIX_NOTE_HEIGHT,
    };
    notes.set(spot.ideaId, { rect, quadrant });
  }
  const frame: Rect = {
    x: origin.x,
    y: origin.y,
    width: MATRIX_AXIS_BAND + MATRIX_PLOT_SIZE + NOTE_GAP * 2,
    height: MATRIX_TITLE_BAND + MATRIX_PLOT_SIZE + MATRIX_AXIS_BAND,
  };
  return { frame, plot, quadrants, notes };
}

/** The matrix coordinates (0…MATRIX_SCALE, whole numbers) of a board point, e.g. where a note was dropped. */
export function matrixSpotAt(layout: Pick<MatrixLayout, 'plot'>, x: number, y: number): { easy: number; priority: number } {
  const { plot } = layout;
  return {
    easy: Math.round(clamp(((x - plot.x) / plot.width) * MATRIX_SCALE, 0, MATRIX_SCALE)),
    priority: Math.round(clamp((1 - (y - plot.y) / plot.height) * MATRIX_SCALE, 0, MATRIX_SCALE)),
  };
}
