import type Konva from 'konva';
import { useLayoutEffect, useRef } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { JourneyLayout, Rect as Box } from '@gommette/shared/board';
import { BOARD_INK, GRID_LINE, HEADER_FILL } from './colors';

interface BoardStaticProps {
  persona: string;
  layout: JourneyLayout;
  groups: Array<{ key: string; label: string; rect: Box; color: string }>;
  personaLabel: string;
}

/**
 * What does not move while people write: the persona banner, the step and row headings, the
 * grid and the headings of idea groups. Drawn once into a cached bitmap, listening to nothing.
 */
export function BoardStatic({ persona, layout, groups, personaLabel }: BoardStaticProps) {
  const ref = useRef<Konva.Group>(null);
  useLayoutEffect(() => {
    const group = ref.current;
    if (!group) return;
    group.clearCache();
    if (group.getClientRect({ skipTransform: true }).width > 0) group.cache({ pixelRatio: 2 });
  });
  const { grid } = layout;
  return (
    <Group ref={ref} listening={false}>
      <Rect {...layout.persona} fill="#fff" stroke={GRID_LINE} cornerRadius={6} />
      <Text x={16} y={12} text={personaLabel} fontSize={14} fill="#5b6170" />
      <Text x={16} y={34} width={layout.persona.width - 32} text={persona} fontSize={26} fontStyle="bold" fill={BOARD_INK} ellipsis wrap="none" />
      {layout.steps.map(({ item, rect }) => (
        <Group key={item.id}>
          <Rect {...rect} fill={HEADER_FILL} stroke={GRID_LINE} />
          <Text
            x={rect.x + 10}
            y={rect.y + 10}
            width={rect.width - 20}
            height={rect.height - 20}
            text={item.label}
            fontSize={18}
            fontStyle="bold"
            fill={BOARD_INK}
            verticalAlign="middle"
            align="center"
            ellipsis
          />
        </Group>
      ))}
      {layout.rows.map(({ item, rect }) => (
        <Group key={item.id}>
          <Rect x={rect.x} y={rect.y} width={grid.width} height={rect.height} fill="#fff" stroke={GRID_LINE} />
          <Rect {...rect} fill={HEADER_FILL} stroke={GRID_LINE} />
          <Text
            x={rect.x + 12}
            y={rect.y + 12}
            width={rect.width - 24}
            height={rect.height - 24}
            text={item.label}
            fontSize={17}
            fontStyle="bold"
            fill={BOARD_INK}
            verticalAlign="middle"
          />
        </Group>
      ))}
      {layout.steps.map(({ item, rect }) => (
        <Rect key={`line-${item.id}`} x={rect.x} y={rect.y} width={rect.width} height={grid.height} stroke={GRID_LINE} />
      ))}
      {groups.map((group) => (
        <Group key={group.key}>
          <Rect {...group.rect} fill={group.color} opacity={0.35} cornerRadius={8} />
          <Text x={group.rect.x + 10} y={group.rect.y + 8} text={group.label} fontSize={18} fontStyle="bold" fill={BOARD_INK} />
        </Group>
      ))}
    </Group>
  );
}
