import { useMemo } from 'react';
import { Group, Path, Rect, Text } from 'react-konva';
import type { JourneyLayout } from '@gommette/shared/board';
import { siteInk } from './colors';
import type { Peer } from './useBoard';

/** Lucide's "eye" (ISC licence), drawn as a path: a canvas cannot draw the eye emoji without an emoji font. */
const EYE = 'M2.062 12.348a1 1 0 0 1 0-.696 10.75 10.75 0 0 1 19.876 0 1 1 0 0 1 0 .696 10.75 10.75 0 0 1-19.876 0 M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0';
const EYE_SCALE = 14 / 24;

interface PresenceMarksProps {
  peers: ReadonlyArray<Peer>;
  layout: JourneyLayout;
  siteIds: ReadonlyArray<string>;
}

/**
 * Where residents are looking: on each step's heading, one chip per site (later: per table)
 * with how many phones are on that step. Counts only, never who.
 */
export function PresenceMarks({ peers, layout, siteIds }: PresenceMarksProps) {
  const counts = useMemo(() => {
    const byStep = new Map<string, Map<string, number>>();
    for (const peer of peers) {
      if (peer.role !== 'participant' || !peer.view) continue;
      const centerX = peer.view.x + peer.view.width / 2;
      const step = layout.steps.find(({ rect }) => centerX >= rect.x && centerX < rect.x + rect.width);
      if (!step) continue;
      const bySite = byStep.get(step.item.id) ?? new Map<string, number>();
      bySite.set(peer.siteId ?? '', (bySite.get(peer.siteId ?? '') ?? 0) + 1);
      byStep.set(step.item.id, bySite);
    }
    return byStep;
  }, [peers, layout]);

  return (
    <>
      {layout.steps.map(({ item, rect }) =>
        Array.from(counts.get(item.id)?.entries() ?? []).map(([siteId, count], index) => (
          <Group key={`${item.id}-${siteId}`} x={rect.x + rect.width - 48 - index * 46} y={rect.y + 4}>
            <Rect width={42} height={22} cornerRadius={11} fill={siteInk(siteIds, siteId)} />
            <Path x={5} y={4} scaleX={EYE_SCALE} scaleY={EYE_SCALE} data={EYE} stroke="#fff" strokeWidth={2} lineCap="round" lineJoin="round" />
            <Text x={20} width={20} height={22} text={String(count)} fontSize={13} fill="#fff" align="center" verticalAlign="middle" />
          </Group>
        )),
      )}
    </>
  );
}
