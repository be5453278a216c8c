import { describe, expect, it } from 'vitest';
import { CENTRE_ACTIONS, canDo, isCentreRole } from './roles';
import { workshopStatus } from './status';
import { initialRoom } from '../animation/room';
import type { PhaseSpec } from '../animation/method';

describe('centre roles', () => {
  it('lets an admin do everything, a facilitator view and run only, and a non-member nothing', () => {
    expect(CENTRE_ACTIONS.filter((action) => canDo('admin', action))).toEqual(['view', 'run', 'manageMembers', 'manageData']);
    expect(CENTRE_ACTIONS.filter((action) => canDo('facilitator', action))).toEqual(['view', 'run']);
    expect(CENTRE_ACTIONS.filter((action) => canDo(null, action))).toEqual([]);
  });

  it('recognises only the two roles', () => {
    expect(['admin', 'facilitator', 'owner', '', null].map(isCentreRole)).toEqual([true, true, false, false, false]);
  });
});

describe('workshop status', () => {
  const phase = (id: string): PhaseSpec => ({ id, title: id, instruction: '', activity: 'ideas', durationSec: 0, silentSec: 0 });
  it('is upcoming before the first step, live while running, finished once the last step ended', () => {
    const room = initialRoom([phase('a'), phase('b')]);
    expect(workshopStatus(room, 0, null)).toBe('upcoming');
    expect(workshopStatus({ ...room, run: { ...room.run, status: 'running' } }, 0, null)).toBe('live');
    expect(workshopStatus({ ...room, run: { ...room.run, phaseIndex: 1, status: 'waiting' } }, 0, null)).toBe('live');
    expect(workshopStatus({ ...room, run: { ...room.run, phaseIndex: 1, status: 'ended' } }, 0, null)).toBe('finished');
  });
  it('on a free wall without steps, is live once ideas arrive', () => {
    expect(workshopStatus(initialRoom([]), 0, null)).toBe('upcoming');
    expect(workshopStatus(initialRoom([]), 3, null)).toBe('live');
    expect(workshopStatus(null, 0, null)).toBe('upcoming');
  });
  it('is finished once marked finished (briefs published), even with a step still running or a free wall', () => {
    const room = initialRoom([phase('a'), phase('b')]);
    expect(workshopStatus({ ...room, run: { ...room.run, status: 'running' } }, 4, 1_000)).toBe('finished');
    expect(workshopStatus(initialRoom([]), 3, 1_000)).toBe('finished');
    expect(workshopStatus(null, 0, 1_000)).toBe('finished');
  });
});
