import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { applyWorkshopEnd, isLastStepOver, lastStepEndsAt, settleRun, workshopEndChange } from './finish';
import type { PhaseSpec } from './method';
import { applyRunAction, initialRun, type RunAction, type RunState } from './run';

const phases: PhaseSpec[] = [
  { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'cloture', title: 'Clôture', instruction: 'Réponds', activity: 'questionnaire', durationSec: 300, silentSec: 0 },
];

function apply(run: RunState, action: RunAction, now: number): RunState {
  const next = applyRunAction(phases, run, action, now);
  if (isDomainError(next)) throw new Error(`${next.error}: ${next.message}`);
  return next;
}

/** The run on the last step, started at `now`. */
const lastStepRunning = (now: number) => apply(apply(initialRun(), { type: 'next' }, now), { type: 'start' }, now);

describe('the workshop ends with its last step', () => {
  it('ends the last step when its countdown reaches zero, and only then', () => {
    const run = lastStepRunning(0);
    expect(lastStepEndsAt(phases, run)).toBe(300_000);
    expect(settleRun(phases, run, 299_999)).toBe(run);
    const settled = settleRun(phases, run, 300_000);
    expect(settled).toMatchObject({ phaseIndex: 1, status: 'ended', endsAt: null });
    expect(workshopEndChange(phases, run, settled)).toBe('finish');
  });

  it('leaves other steps running past zero: the facilitator decides when to move on', () => {
    const first = apply(initialRun(), { type: 'start' }, 0);
    expect(lastStepEndsAt(phases, first)).toBeNull();
    expect(settleRun(phases, first, 10_000_000)).toBe(first);
    const paused = apply(lastStepRunning(0), { type: 'pause' }, 1_000);
    expect(settleRun(phases, paused, 10_000_000)).toBe(paused);
    const untimed: PhaseSpec[] = [{ ...phases[1]!, durationSec: 0 }];
    const open = applyRunAction(untimed, initialRun(), { type: 'start' }, 0) as RunState;
    expect(settleRun(untimed, open, 10_000_000)).toBe(open);
  });

  it('finishes when the facilitator ends the last step, not an earlier one', () => {
    const first = apply(initialRun(), { type: 'start' }, 0);
    expect(workshopEndChange(phases, first, apply(first, { type: 'end' }, 5))).toBeNull();
    const last = lastStepRunning(0);
    const ended = apply(last, { type: 'end' }, 10);
    expect(isLastStepOver(phases, ended)).toBe(true);
    expect(workshopEndChange(phases, last, ended)).toBe('finish');
    expect(applyWorkshopEnd(null, 'finish', 10)).toBe(10);
    expect(applyWorkshopEnd(4, 'finish', 10)).toBe(4);
  });

  it('reopens when the facilitator goes back a step or extends the ended last step', () => {
    const ended = apply(lastStepRunning(0), { type: 'end' }, 10);
    expect(workshopEndChange(phases, ended, apply(ended, { type: 'previous' }, 20))).toBe('reopen');
    expect(workshopEndChange(phases, ended, apply(ended, { type: 'goto', phaseIndex: 0 }, 20))).toBe('reopen');
    expect(workshopEndChange(phases, ended, apply(ended, { type: 'extend', minutes: 5 }, 20))).toBe('reopen');
    expect(applyWorkshopEnd(10, 'reopen', 20)).toBeNull();
    expect(applyWorkshopEnd(10, null, 20)).toBe(10);
  });

  it('never finishes a free idea wall (no steps)', () => {
    expect(isLastStepOver([], { ...initialRun(), status: 'ended' })).toBe(false);
    expect(lastStepEndsAt([], { ...initialRun(), status: 'running', endsAt: 5 })).toBeNull();
  });
});
