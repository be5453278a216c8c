import { ErrorCode } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import type { Activity, PhaseSpec } from './method';

/**
 * Where the workshop is. The timer is server-authoritative: it is an end timestamp (`endsAt`), never
 * a countdown message, so every screen computes the same remaining time from the server clock.
 * - `waiting`: the phase is announced (its title), not started: its instruction stays hidden.
 * - `running`: counting down to `endsAt` (null when the phase has no countdown).
 * - `paused`: `remainingMs` frozen.
 * - `ended`: the facilitator ended it; phones only watch until the next phase.
 */
export type PhaseStatus = 'waiting' | 'running' | 'paused' | 'ended';

export interface RunState {
  phaseIndex: number;
  status: PhaseStatus;
  endsAt: number | null;
  remainingMs: number | null;
  /** Ideas phases: the silent individual time ends at… (running) / in… (paused). */
  silentUntil: number | null;
  silentRemainingMs: number | null;
  /** "Main levée": every phone and the projector show a raised hand; nothing can be posted. */
  handRaised: boolean;
}

export const RUN_ACTIONS = ['start', 'pause', 'resume', 'extend', 'end', 'next', 'previous', 'goto', 'endSilence'] as const;
export type RunActionType = (typeof RUN_ACTIONS)[number];
export type RunAction =
  | { type: 'start' | 'pause' | 'resume' | 'end' | 'next' | 'previous' | 'endSilence' }
  | { type: 'extend'; minutes: number }
  | { type: 'goto'; phaseIndex: number };

export const MAX_EXTEND_MINUTES = 60;

export function initialRun(): RunState {
  return { phaseIndex: 0, status: 'waiting', endsAt: null, remainingMs: null, silentUntil: null, silentRemainingMs: null, handRaised: false };
}

const illegal = (message: string): DomainError => domainError(ErrorCode.IllegalTransition, message);

function startPhase(run: RunState, phase: PhaseSpec, now: number): RunState {
  return {
    ...run,
    status: 'running',
    endsAt: phase.durationSec > 0 ? now + phase.durationSec * 1000 : null,
    remainingMs: null,
    silentUntil: phase.silentSec > 0 ? now + phase.silentSec * 1000 : null,
    silentRemainingMs: null,
  };
}

function announce(run: RunState, phaseIndex: number): RunState {
  return { ...run, phaseIndex, status: 'waiting', endsAt: null, remainingMs: null, silentUntil: null, silentRemainingMs: null };
}

/** Applies a facilitator's control to the run; an illegal one is a coded error, never a silent no-op. */
export function applyRunAction(phases: ReadonlyArray<PhaseSpec>, run: RunState, action: RunAction, now: number): RunState | DomainError {
  if (phases.length === 0) return illegal('this workshop has no phases');
  const phase = phases[run.phaseIndex];
  if (!phase) return illegal('no current phase');
  switch (action.type) {
    case 'start':
      if (run.status !== 'waiting') return illegal(`cannot start a ${run.status} phase`);
      return startPhase(run, phase, now);
    case 'pause':
      if (run.status !== 'running') return illegal(`cannot pause a ${run.status} phase`);
      return {
        ...run,
        status: 'paused',
        endsAt: null,
        remainingMs: run.endsAt === null ? null : Math.max(0, run.endsAt - now),
        silentUntil: null,
        silentRemainingMs: run.silentUntil === null ? null : Math.max(0, run.silentUntil - now),
      };
    case 'resume':
      if (run.status !== 'paused') return illegal(`cannot resume a ${run.status} phase`);
      return {
        ...run,
        status: 'running',
        endsAt: run.remainingMs === null ? null : now + run.remainingMs,
        remainingMs: null,
        silentUntil: run.silentRemainingMs ? now + run.silentRemainingMs : null,
        silentRemainingMs: null,
      };
    case 'extend': {
      const ms = Math.round(action.minutes * 60_000);
      if (!(action.minutes > 0 && action.minutes <= MAX_EXTEND_MINUTES)) return domainError(ErrorCode.BadRequest, 'invalid extension');
      if (run.status === 'running') {
        // An elapsed countdown restarts from now; a phase without one gets one.
        return { ...run, endsAt: Math.max(run.endsAt ?? now, now) + ms };
      }
      if (run.status === 'paused') return { ...run, remainingMs: (run.remainingMs ?? 0) + ms };
      if (run.status === 'ended') return { ...run, status: 'running', endsAt: now + ms, remainingMs: null };
      return illegal('cannot extend a phase that has not started');
    }
    case 'end':
      if (run.status !== 'running' && run.status !== 'paused') return illegal(`cannot end a ${run.status} phase`);
      return { ...run, status: 'ended', endsAt: null, remainingMs: null, silentUntil: null, silentRemainingMs: null };
    case 'next':
      if (run.phaseIndex >= phases.length - 1) return illegal('this is the last phase');
      return announce(run, run.phaseIndex + 1);
    case 'previous':
      if (run.phaseIndex <= 0) return illegal('this is the first phase');
      return announce(run, run.phaseIndex - 1);
    case 'goto':
      if (!Number.isInteger(action.phaseIndex) || action.phaseIndex < 0 || action.phaseIndex >= phases.length) {
        return domainError(ErrorCode.BadRequest, 'no such phase');
      }
      if (action.phaseIndex === run.phaseIndex) return illegal('already on this phase');
      return announce(run, action.phaseIndex);
    case 'endSilence':
      // The room is ready before the silent time is over: the ideas go to the projector now.
      if (!isSilent(run, now)) return illegal('there is no silent time to end');
      return run.status === 'running' ? { ...run, silentUntil: null } : { ...run, silentRemainingMs: null };
  }
}

export function setHandRaised(run: RunState, raised: boolean): RunState {
  return { ...run, handRaised: raised };
}

/** Milliseconds left (negative once elapsed), or null when the phase has no countdown running or paused. */
export function remainingMs(run: RunState, now: number): number | null {
  if (run.status === 'running' && run.endsAt !== null) return run.endsAt - now;
  if (run.status === 'paused') return run.remainingMs;
  return null;
}

/** During the silent individual time, ideas are written but not yet shown on the projector. */
export function isSilent(run: RunState, now: number): boolean {
  if (run.status === 'running') return run.silentUntil !== null && now < run.silentUntil;
  if (run.status === 'paused') return (run.silentRemainingMs ?? 0) > 0;
  return false;
}

/** The current phase, or null for a free idea wall. */
export function currentPhase<P extends Pick<PhaseSpec, 'activity'>>(phases: ReadonlyArray<P>, run: RunState): P | null {
  return phases[run.phaseIndex] ?? null;
}

/**
 * What phones can do now. A free wall (no phases) always takes ideas; otherwise the current phase's
 * activity while it runs (or is paused), and only watching before it starts or after it ended.
 */
export function phoneActivity(phases: ReadonlyArray<Pick<PhaseSpec, 'activity'>>, run: RunState): Activity {
  const phase = currentPhase(phases, run);
  if (!phase) return 'ideas';
  return run.status === 'running' || run.status === 'paused' ? phase.activity : 'watch';
}

/** Whether a phone may post an idea now; the refusal says why in a code the phone translates. */
export function checkCanPostIdea(phases: ReadonlyArray<Pick<PhaseSpec, 'activity'>>, run: RunState): DomainError | null {
  if (run.handRaised) return domainError(ErrorCode.HandRaised, 'hands are raised: posting is paused');
  if (phoneActivity(phases, run) !== 'ideas') return domainError(ErrorCode.PhaseClosed, 'ideas are not open in this phase');
  return null;
}

/**
 * Whether a resident may place an idea on the matrix now: only while a matrix step runs (or is
 * paused, like ideas) and hands are down. The facilitator places ideas at any time.
 */
export function checkCanPlaceOnMatrix(phases: ReadonlyArray<Pick<PhaseSpec, 'activity'>>, run: RunState): DomainError | null {
  if (run.handRaised) return domainError(ErrorCode.HandRaised, 'hands are raised: placing is paused');
  if (phoneActivity(phases, run) !== 'matrix') return domainError(ErrorCode.PhaseClosed, 'the matrix is not open in this phase');
  return null;
}
