import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  MATRIX_NOTE_HEIGHT,
  MATRIX_NOTE_WIDTH,
  MATRIX_PLOT_SIZE,
  NOTE_GAP,
  NOTE_HEIGHT,
  cellAt,
  ideaGroupKey,
  layoutIdeas,
  layoutJourney,
  layoutMatrix,
  matrixOrigin,
  matrixSpotAt,
  quadrantOf,
  rectOfNote,
  rectsOverlap,
  tableOfGroup,
  type BoardIdea,
  type MatrixQuadrant,
  type Rect,
} from './layout';
import { addCluster, addNote, applyJourneyTemplate, placeIdea, readBoard, setIdeaCluster } from './schema';

describe('board layout', () => {
  it('puts each note in its cell, and a point back in the same cell', () => {
    const doc = new Y.Doc();
    applyJourneyTemplate(doc);
    for (let index = 0; index < 5; index++) {
      addNote(doc, { id: `note-000${index}`, text: `n${index}`, placement: { kind: 'cell', stepId: 'step-noon', rowId: 'row-needs' }, order: index });
    }
    addNote(doc, { id: 'note-free', text: 'libre', placement: { kind: 'free', x: -500, y: 40 }, order: 9 });
    const board = readBoard(doc);
    const layout = layoutJourney(board);
    expect(layout.cells).toHaveLength(6 * 4);
    const needs = layout.rows.find((row) => row.item.id === 'row-needs')!;
    const does = layout.rows.find((row) => row.item.id === 'row-does')!;
    // Five notes, two per line: the row grows to three lines.
    expect(needs.rect.height).toBeGreaterThan(3 * NOTE_HEIGHT);
    expect(needs.rect.height).toBeGreaterThan(does.rect.height);
    for (const note of board.notes.filter((n) => n.placement.kind === 'cell')) {
      const rect = rectOfNote(layout, note);
      const found = cellAt(layout, rect.x + rect.width / 2, rect.y + rect.height / 2);
      expect(found).toMatchObject({ stepId: 'step-noon', rowId: 'row-needs' });
    }
    const free = board.notes.find((note) => note.id === 'note-free')!;
    expect(rectOfNote(layout, free)).toMatchObject({ x: -500, y: 40 });
    expect(cellAt(layout, -450, 60)).toBeNull();
  });

  it('groups unplaced ideas by site below the grid, keeps moved ones where they were put, stacks cluster members', () => {
    const doc = new Y.Doc();
    addCluster(doc, 'c1', 'Dormir', 2000, 2000);
    placeIdea(doc, 'i2', 50, 60);
    setIdeaCluster(doc, 'i3', 'c1');
    setIdeaCluster(doc, 'i4', 'c1');
    const ideas: BoardIdea[] = [
      { id: 'i1', text: 'a', siteId: 's1', createdAt: 1 },
      { id: 'i2', text: 'b', siteId: 's1', createdAt: 2 },
      { id: 'i3', text: 'c', siteId: 's2', createdAt: 3 },
      { id: 'i4', text: 'd', siteId: 's2', createdAt: 4 },
      { id: 'i5', text: 'e', siteId: 's2', createdAt: 5 },
    ];
    const board = readBoard(doc);
    const layout = layoutIdeas(ideas, board.ideaPlacements, board.clusters, 1000);
    expect(layout.ideas.get('i2')).toMatchObject({ x: 50, y: 60 });
    expect(layout.groups.map((group) => group.key)).toEqual(['s1', 's2']);
    expect(layout.ideas.get('i1')!.y).toBeGreaterThan(1000);
    expect(layout.ideas.get('i5')!.y).toBeGreaterThan(layout.ideas.get('i1')!.y);
    const cluster = layout.clusters.get('c1')!;
    for (const id of ['i3', 'i4']) {
      const rect = layout.ideas.get(id)!;
      expect(rect.x).toBeGreaterThanOrEqual(cluster.x);
      expect(rect.y + rect.height).toBeLessThanOrEqual(cluster.y + cluster.height);
    }
  });
});

describe('idea groups', () => {
  it('groups an idea by its table when it has one, else by its site', () => {
    expect(ideaGroupKey({ id: 'a', text: 'A', siteId: 's1', createdAt: 1 })).toBe('s1');
    expect(ideaGroupKey({ id: 'a', text: 'A', siteId: 's1', createdAt: 1, tableId: 3 })).toBe('table:3');
    expect(tableOfGroup('table:3')).toBe(3);
    expect(tableOfGroup('s1')).toBeNull();
  });
});

describe('matrix layout', () => {
  const inside = (rect: Rect, box: Rect) =>
    rect.x >= box.x && rect.y >= box.y && rect.x + rect.width <= box.x + box.width && rect.y + rect.height <= box.y + box.height;

  it('sits right of the journey map and the idea groups', () => {
    const doc = new Y.Doc();
    applyJourneyTemplate(doc);
    const journey = layoutJourney(readBoard(doc));
    const ideas = layoutIdeas([{ id: 'i1', text: 'a', siteId: 's1', createdAt: 1 }], new Map(), [], journey.grid.y + journey.grid.height);
    const origin = matrixOrigin(journey, ideas);
    expect(origin.x).toBeGreaterThan(journey.grid.x + journey.grid.width);
    expect(origin.x).toBeGreaterThan(ideas.groups[0]!.rect.x + ideas.groups[0]!.rect.width);
    const matrix = layoutMatrix([], origin);
    expect(matrix.frame.x).toBe(origin.x);
    expect(inside(matrix.plot, matrix.frame)).toBe(true);
    expect(matrix.quadrants.map((q) => q.quadrant)).toEqual(['easy-priority', 'hard-priority', 'easy-later', 'hard-later']);
  });

  it('draws each placed idea in its own quadrant, at its coordinates, easy to the right and priority up', () => {
    const matrix = layoutMatrix(
      [
        { ideaId: 'easyTop', easy: 88, priority: 88 },
        { ideaId: 'hardTop', easy: 12, priority: 88 },
        { ideaId: 'easyLow', easy: 88, priority: 12 },
        { ideaId: 'hardLow', easy: 12, priority: 12 },
        { ideaId: 'middle', easy: 50, priority: 50 },
        { ideaId: 'edge', easy: 100, priority: 0 },
      ],
      { x: 1000, y: 0 },
    );
    const quadrant = (name: MatrixQuadrant) => matrix.quadrants.find((q) => q.quadrant === name)!.rect;
    for (const [id, name] of [
      ['easyTop', 'easy-priority'],
      ['hardTop', 'hard-priority'],
      ['easyLow', 'easy-later'],
      ['hardLow', 'hard-later'],
      ['middle', 'easy-priority'],
      ['edge', 'easy-later'],
    ] as const) {
      const note = matrix.notes.get(id)!;
      expect(note.quadrant, id).toBe(name);
      expect(quadrantOf({ easy: 50, priority: 49.9 })).toBe('easy-later');
      expect(inside(note.rect, quadrant(name)), id).toBe(true);
    }
    const centre = (id: string) => {
      const rect = matrix.notes.get(id)!.rect;
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    };
    // Near its spot: within a slot of the quadrant's grid.
    expect(Math.abs(centre('easyTop').x - (matrix.plot.x + 0.88 * MATRIX_PLOT_SIZE))).toBeLessThan(MATRIX_NOTE_WIDTH / 2 + NOTE_GAP);
    expect(Math.abs(centre('easyTop').y - (matrix.plot.y + 0.12 * MATRIX_PLOT_SIZE))).toBeLessThan(MATRIX_NOTE_HEIGHT / 2 + NOTE_GAP);
    expect(centre('hardLow').x).toBeLessThan(centre('easyLow').x);
    expect(centre('easyLow').y).toBeGreaterThan(centre('easyTop').y);
  });

  it('spreads ideas placed on the same spot without covering each other, inside their quadrant, the same way every time', () => {
    const spots = Array.from({ length: 12 }, (_, index) => ({ ideaId: `idea-${String(index).padStart(2, '0')}`, easy: 63, priority: 88 }));
    const matrix = layoutMatrix(spots, { x: 0, y: 0 });
    const rects = spots.map((spot) => matrix.notes.get(spot.ideaId)!.rect);
    const box = matrix.quadrants.find((q) => q.quadrant === 'easy-priority')!.rect;
    for (const [index, rect] of rects.entries()) {
      expect(inside(rect, box)).toBe(true);
      for (const other of rects.slice(index + 1)) expect(rectsOverlap(rect, other)).toBe(false);
    }
    const again = layoutMatrix([...spots].reverse(), { x: 0, y: 0 });
    expect(spots.map((spot) => again.notes.get(spot.ideaId)!.rect)).toEqual(rects);
    // A full quadrant still keeps every note inside it (the extra ones stacked, offset).
    const crowd = layoutMatrix(
      Array.from({ length: 40 }, (_, index) => ({ ideaId: `c-${index}`, easy: 10, priority: 10 })),
      { x: 0, y: 0 },
    );
    const hardLater = crowd.quadrants.find((q) => q.quadrant === 'hard-later')!.rect;
    for (const note of crowd.notes.values()) expect(inside(note.rect, hardLater)).toBe(true);
  });

  it('reads a dropped note back as coordinates: easy to the right, priority up, clamped to the plot', () => {
    const matrix = layoutMatrix([], { x: 500, y: 100 });
    const { plot } = matrix;
    expect(matrixSpotAt(matrix, plot.x + plot.width * 0.75, plot.y + plot.height * 0.25)).toEqual({ easy: 75, priority: 75 });
    expect(matrixSpotAt(matrix, plot.x - 300, plot.y + plot.height + 300)).toEqual({ easy: 0, priority: 0 });
    const back = matrixSpotAt(matrix, plot.x + plot.width * 0.3, plot.y + plot.height * 0.2);
    expect(quadrantOf(back)).toBe('hard-priority');
  });
});
