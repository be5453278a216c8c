import type Konva from 'konva';
import { memo, useLayoutEffect, useRef } from 'react';
import { Arrow, Group, Rect, Text } from 'react-konva';
import type { MatrixLayout, Rect as Box } from '@gommette/shared/board';
import { BOARD_INK, GRID_LINE } from './colors';
import { MATRIX_NOTE_FONT_SIZE, noteTextStyle } from './noteText';

/** The words of the matrix, in the viewer's language (axis names are the facilitator's when set). */
export interface MatrixLabels {
  title: string;
  easy: string;
  priority: string;
  quadrant: string;
  harder: string;
  later: string;
}

const HIGHLIGHT = '#d9f2d0';
const HIGHLIGHT_LINE = '#2e8b3d';

/**
 * The matrix's frame: title, the four quadrants (the "facile et prioritaire" one tinted and
 * named), the axes and their names. Static: drawn once into a cached bitmap, listening to nothing.
 */
export function MatrixFrame({ layout, labels }: { layout: MatrixLayout; labels: MatrixLabels }) {
  const ref = useRef<Konva.Group>(null);
  useLayoutEffect(() => {
    const group = ref.current;
    if (!group) return;
    group.clearCache();
    group.cache({ pixelRatio: 1 });
  });
  const { plot, frame } = layout;
  const half = plot.width / 2;
  const bottom = plot.y + plot.height;
  return (
    <Group ref={ref} listening={false}>
      <Rect {...frame} fill="#ffffff" stroke={GRID_LINE} cornerRadius={8} />
      <Text x={plot.x} y={frame.y + 20} width={plot.width} text={labels.title} fontSize={44} fontStyle="bold" fill={BOARD_INK} align="center" />
      {layout.quadrants.map(({ quadrant, rect }) => (
        <Rect
          key={quadrant}
          {...rect}
          fill={quadrant === 'easy-priority' ? HIGHLIGHT : '#fafbfc'}
          stroke={quadrant === 'easy-priority' ? HIGHLIGHT_LINE : GRID_LINE}
          strokeWidth={quadrant === 'easy-priority' ? 4 : 1}
        />
      ))}
      <Text
        x={plot.x + half + 14}
        y={plot.y + 12}
        width={half - 28}
        text={labels.quadrant}
        fontSize={32}
        fontStyle="bold"
        fill={HIGHLIGHT_LINE}
        align="right"
      />
      {/* Easy grows to the right, priority upwards. */}
      <Arrow
        points={[plot.x, bottom + 30, plot.x + plot.width, bottom + 30]}
        stroke={BOARD_INK}
        fill={BOARD_INK}
        strokeWidth={3}
        pointerLength={16}
        pointerWidth={16}
      />
      <Text x={plot.x} y={bottom + 42} width={plot.width} text={labels.easy} fontSize={34} fontStyle="bold" fill={BOARD_INK} align="center" />
      <Text x={plot.x} y={bottom + 42} text={labels.harder} fontSize={26} fill="#5b6170" />
      <Arrow points={[frame.x + 30, bottom, frame.x + 30, plot.y]} stroke={BOARD_INK} fill={BOARD_INK} strokeWidth={3} pointerLength={16} pointerWidth={16} />
      <Text
        x={frame.x + 40}
        y={plot.y + plot.height / 2}
        width={plot.height}
        text={labels.priority}
        fontSize={34}
        fontStyle="bold"
        fill={BOARD_INK}
        align="center"
        rotation={-90}
        offsetX={plot.height / 2}
        offsetY={-8}
      />
      <Text x={frame.x + 62} y={bottom} text={labels.later} fontSize={26} fill="#5b6170" rotation={-90} />
    </Group>
  );
}

interface MatrixNoteProps {
  ideaId: string;
  rect: Box;
  text: string;
  /** "Table 2 · bleu": the number and the colour's name, never the colour alone. */
  tableLabel: string | null;
  fill: string;
  ink: string;
  /** The facilitator's console: drag the note to place the idea elsewhere. */
  onDragEnd?: (ideaId: string, node: Konva.Group) => void;
}

/** An idea placed on the matrix: its table's colour as a band with the table named in it. */
export const MatrixNote = memo(function MatrixNote({ ideaId, rect, text, tableLabel, fill, ink, onDragEnd }: MatrixNoteProps) {
  const band = tableLabel ? 30 : 0;
  const style = noteTextStyle(text);
  const draggable = onDragEnd !== undefined;
  return (
    <Group
      x={rect.x}
      y={rect.y}
      width={rect.width}
      height={rect.height}
      cull
      draggable={draggable}
      listening={draggable}
      onDragEnd={onDragEnd ? (event) => onDragEnd(ideaId, event.target as unknown as Konva.Group) : undefined}
    >
      <Rect
        width={rect.width}
        height={rect.height}
        fill="#ffffff"
        stroke={fill === '#ffffff' ? BOARD_INK : fill}
        strokeWidth={3}
        cornerRadius={4}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      {tableLabel && (
        <>
          <Rect
            width={rect.width}
            height={band}
            fill={fill}
            stroke={fill === '#ffffff' ? BOARD_INK : undefined}
            strokeWidth={fill === '#ffffff' ? 1 : 0}
            cornerRadius={[4, 4, 0, 0]}
            perfectDrawEnabled={false}
          />
          <Text
            x={6}
            y={4}
            width={rect.width - 10}
            text={tableLabel}
            listening={false}
            fontSize={22}
            fontStyle="bold"
            fill={ink}
            ellipsis
            wrap="none"
            perfectDrawEnabled={false}
          />
        </>
      )}
      <Text
        x={6}
        y={band + 4}
        width={rect.width - 12}
        height={rect.height - band - 8}
        text={text}
        fontSize={MATRIX_NOTE_FONT_SIZE}
        align={style.align}
        direction={style.direction}
        lineHeight={style.lineHeight === 1.15 ? 1.1 : 1.3}
        fill={BOARD_INK}
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
