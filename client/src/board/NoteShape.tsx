import type Konva from 'konva';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { Rect as Box } from '@gommette/shared/board';
import { BOARD_INK } from './colors';
import { NOTE_FONT_SIZE, noteTextStyle } from './noteText';

interface NoteShapeProps {
  id: string;
  rect: Box;
  text: string;
  fill: string;
  stroke?: string;
  draggable: boolean;
  selected?: boolean;
  onDragEnd?: (id: string, node: Konva.Group) => void;
  onSelect?: (id: string) => void;
}

/**
 * One sticky note (a resident's note or an idea). `cull` marks it for off-screen hiding; it only
 * listens to events where it can be dragged or picked.
 */
export const NoteShape = memo(function NoteShape({ id, rect, text, fill, stroke, draggable, selected, onDragEnd, onSelect }: NoteShapeProps) {
  const interactive = draggable || onSelect !== undefined;
  const short = text.length <= 3;
  const style = noteTextStyle(text);
  return (
    <Group
      x={rect.x}
      y={rect.y}
      width={rect.width}
      height={rect.height}
      cull
      draggable={draggable}
      listening={interactive}
      onDragEnd={onDragEnd ? (event) => onDragEnd(id, event.target as unknown as Konva.Group) : undefined}
      onClick={onSelect ? () => onSelect(id) : undefined}
      onTap={onSelect ? () => onSelect(id) : undefined}
    >
      <Rect
        width={rect.width}
        height={rect.height}
        fill={fill}
        stroke={selected ? '#1f6feb' : stroke}
        strokeWidth={selected ? 4 : stroke ? 2 : 0}
        cornerRadius={4}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      <Text
        x={6}
        y={6}
        width={rect.width - 12}
        height={rect.height - 12}
        text={text}
        fontSize={short ? 34 : NOTE_FONT_SIZE}
        align={short ? 'center' : style.align}
        direction={style.direction}
        lineHeight={short ? 1 : style.lineHeight}
        verticalAlign={short ? 'middle' : 'top'}
        fill={BOARD_INK}
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
