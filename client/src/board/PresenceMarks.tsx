import { useMemo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { JourneyLayout } from '@gommette/shared/board';
import { siteInk } from './colors';
import type { Peer } from './useBoard';

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
            <Text width={42} height={22} text={`👁 ${count}`} fontSize={13} fill="#fff" align="center" verticalAlign="middle" />
          </Group>
        )),
      )}
    </>
  );
}
