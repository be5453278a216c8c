import type { PhaseSpec } from './method';
import type { RunState } from './run';

/**
 * The end of the workshop follows its method: when the last step ends, the workshop is over and the
 * join link turns into the follow-up page, without anyone pressing "end of workshop".
 *
 * - The last step ends when the facilitator ends it, or when its countdown reaches zero (a last step
 *   without a countdown ends only by hand). Other steps keep running past zero, as before: the
 *   facilitator decides when to move on; the last one has no "next" to wait for.
 * - Ended too early: any control that leaves "last step ended" (previous, goto, extend) reopens the
 *   workshop, so the join link leads to the workshop again.
 * - The console's explicit "end of workshop" and "reopen" still work at any step; the phase machine
 *   only moves the finished flag when it enters or leaves "last step ended".
 */

type Phases = ReadonlyArray<Pick<PhaseSpec, 'activity'>>;

/** Whether the run sits on the last step and that step has ended (by hand or by `settleRun`). */
export function isLastStepOver(phases: Phases, run: RunState): boolean {
  return phases.length > 0 && run.phaseIndex === phases.length - 1 && run.status === 'ended';
}

/** When the last step's countdown has reached zero the step ends; any other run is returned as it is. */
export function settleRun(phases: Phases, run: RunState, now: number): RunState {
  const endsAt = lastStepEndsAt(phases, run);
  if (endsAt === null || endsAt > now) return run;
  return { ...run, status: 'ended', endsAt: null, remainingMs: null, silentUntil: null, silentRemainingMs: null };
}

/**
 * When the last step's running countdown will reach zero (for the server's timer), or null when
 * nothing will end by itself.
 */
export function lastStepEndsAt(phases: Phases, run: RunState): number | null {
  if (phases.length === 0 || run.phaseIndex !== phases.length - 1 || run.status !== 'running') return null;
  return run.endsAt;
}

export type WorkshopEndChange = 'finish' | 'reopen' | null;

/** What a change of the run does to the workshop's end: entering "last step ended" finishes it, leaving it reopens it. */
export function workshopEndChange(phases: Phases, before: RunState, after: RunState): WorkshopEndChange {
  const wasOver = isLastStepOver(phases, before);
  const isOver = isLastStepOver(phases, after);
  if (!wasOver && isOver) return 'finish';
  if (wasOver && !isOver) return 'reopen';
  return null;
}

/** The workshop's `finishedAt` after such a change (an earlier end date is kept). */
export function applyWorkshopEnd(finishedAt: number | null, change: WorkshopEndChange, now: number): number | null {
  if (change === 'finish') return finishedAt ?? now;
  if (change === 'reopen') return null;
  return finishedAt;
}
