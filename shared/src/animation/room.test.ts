import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from './method';
import { initialRoom, viewRoom, withPhases } from './room';

const phases = BUILT_IN_TEMPLATES[1]!.phases;

describe('room views', () => {
  it('reveals instructions to phones and projectors phase by phase', () => {
    const room = initialRoom(phases);
    expect(viewRoom(room, false, 5).phases.map((p) => p.instruction)).toEqual([null, null, null]);
    const started = { ...room, run: { ...room.run, status: 'running' as const } };
    expect(viewRoom(started, false, 5).phases.map((p) => p.instruction !== null)).toEqual([true, false, false]);
    expect(viewRoom(room, true, 5).phases.every((p) => p.instruction !== null)).toBe(true);
    expect(viewRoom(room, true, 5).serverNow).toBe(5);
  });

  it('stays on the current phase when the facilitator reorders or removes others', () => {
    const room = { ...initialRoom(phases), run: { ...initialRoom(phases).run, phaseIndex: 1, status: 'running' as const, endsAt: 9 } };
    const reordered = withPhases(room, [phases[2]!, phases[1]!]);
    expect(reordered.run).toMatchObject({ phaseIndex: 1, status: 'running', endsAt: 9 });
    const removed = withPhases(room, [phases[0]!]);
    expect(removed.run).toMatchObject({ phaseIndex: 0, status: 'waiting' });
  });
});
