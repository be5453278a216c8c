import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../constants';
import { isDomainError } from '../domain/errors';
import { BUILT_IN_TEMPLATES, type PhaseSpec } from './method';
import {
  applyRunAction,
  checkCanPlaceOnMatrix,
  checkCanPostIdea,
  initialRun,
  isSilent,
  phoneActivity,
  remainingMs,
  setHandRaised,
  type RunAction,
  type RunState,
} from './run';

const phases: PhaseSpec[] = [
  { id: 'accueil', title: 'Accueil', instruction: 'Ta météo', activity: 'welcome', durationSec: 300, silentSec: 0 },
  { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 120 },
  { id: 'vote', title: 'Vote', instruction: 'Vote', activity: 'vote', durationSec: 0, silentSec: 0 },
];

function apply(run: RunState, action: RunAction, now: number): RunState {
  const next = applyRunAction(phases, run, action, now);
  if (isDomainError(next)) throw new Error(`${next.error}: ${next.message}`);
  return next;
}

function refusal(run: RunState, action: RunAction, now = 0): string {
  const next = applyRunAction(phases, run, action, now);
  return isDomainError(next) ? next.error : 'accepted';
}

describe('phase machine', () => {
  it('starts the first phase with an end timestamp, not a countdown', () => {
    const run = apply(initialRun(), { type: 'start' }, 1_000);
    expect(run).toMatchObject({ phaseIndex: 0, status: 'running', endsAt: 301_000 });
    expect(remainingMs(run, 61_000)).toBe(240_000);
  });

  it('pauses, keeps the remaining time, and resumes from it', () => {
    let run = apply(initialRun(), { type: 'start' }, 0);
    run = apply(run, { type: 'pause' }, 100_000);
    expect(run).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 200_000 });
    expect(remainingMs(run, 999_999)).toBe(200_000);
    run = apply(run, { type: 'resume' }, 500_000);
    expect(run.endsAt).toBe(700_000);
  });

  it('extends running, paused, elapsed and ended phases', () => {
    let run = apply(initialRun(), { type: 'start' }, 0);
    run = apply(run, { type: 'extend', minutes: 1 }, 10_000);
    expect(run.endsAt).toBe(360_000);
    // Elapsed: five more minutes from now, not from the past end.
    const elapsed = apply(run, { type: 'extend', minutes: 5 }, 400_000);
    expect(elapsed.endsAt).toBe(700_000);
    const paused = apply(apply(run, { type: 'pause' }, 60_000), { type: 'extend', minutes: 5 }, 61_000);
    expect(paused.remainingMs).toBe(600_000);
    const ended = apply(apply(run, { type: 'end' }, 70_000), { type: 'extend', minutes: 1 }, 80_000);
    expect(ended).toMatchObject({ status: 'running', endsAt: 140_000 });
  });

  it('announces the next phase without revealing it, then starts it', () => {
    let run = apply(apply(initialRun(), { type: 'start' }, 0), { type: 'next' }, 5_000);
    expect(run).toMatchObject({ phaseIndex: 1, status: 'waiting', endsAt: null });
    run = apply(run, { type: 'start' }, 10_000);
    expect(run).toMatchObject({ status: 'running', endsAt: 610_000, silentUntil: 130_000 });
    run = apply(run, { type: 'previous' }, 20_000);
    expect(run).toMatchObject({ phaseIndex: 0, status: 'waiting' });
    run = apply(run, { type: 'goto', phaseIndex: 2 }, 30_000);
    expect(apply(run, { type: 'start' }, 31_000)).toMatchObject({ status: 'running', endsAt: null });
  });

  it('refuses illegal transitions with a coded error', () => {
    const waiting = initialRun();
    const running = apply(waiting, { type: 'start' }, 0);
    expect(refusal(waiting, { type: 'pause' })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(waiting, { type: 'resume' })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(waiting, { type: 'end' })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(waiting, { type: 'extend', minutes: 1 })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(waiting, { type: 'previous' })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(running, { type: 'start' })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(running, { type: 'resume' })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(running, { type: 'goto', phaseIndex: 0 })).toBe(ErrorCode.IllegalTransition);
    expect(refusal(running, { type: 'goto', phaseIndex: 3 })).toBe(ErrorCode.BadRequest);
    expect(refusal(running, { type: 'extend', minutes: 0 })).toBe(ErrorCode.BadRequest);
    expect(refusal(running, { type: 'extend', minutes: 61 })).toBe(ErrorCode.BadRequest);
    const last = apply(running, { type: 'goto', phaseIndex: 2 }, 0);
    expect(refusal(last, { type: 'next' })).toBe(ErrorCode.IllegalTransition);
    expect(applyRunAction([], waiting, { type: 'start' }, 0)).toMatchObject({ error: ErrorCode.IllegalTransition });
  });

  it('keeps the silent time through a pause', () => {
    let run = apply(apply(initialRun(), { type: 'goto', phaseIndex: 1 }, 0), { type: 'start' }, 0);
    expect(isSilent(run, 119_999)).toBe(true);
    run = apply(run, { type: 'pause' }, 100_000);
    expect(isSilent(run, 900_000)).toBe(true);
    run = apply(run, { type: 'resume' }, 200_000);
    expect(isSilent(run, 219_999)).toBe(true);
    expect(isSilent(run, 220_000)).toBe(false);
  });

  it('ends the silent time early, running or paused, and keeps the step going', () => {
    const started = apply(apply(initialRun(), { type: 'goto', phaseIndex: 1 }, 0), { type: 'start' }, 0);
    const ended = apply(started, { type: 'endSilence' }, 30_000);
    expect(isSilent(ended, 30_000)).toBe(false);
    expect(ended).toMatchObject({ status: 'running', endsAt: started.endsAt, silentUntil: null });
    const paused = apply(started, { type: 'pause' }, 30_000);
    const endedPaused = apply(paused, { type: 'endSilence' }, 40_000);
    expect(isSilent(endedPaused, 40_000)).toBe(false);
    expect(endedPaused).toMatchObject({ status: 'paused', remainingMs: paused.remainingMs });
    expect(isSilent(apply(endedPaused, { type: 'resume' }, 50_000), 50_000)).toBe(false);
  });

  it('refuses to end a silent time that is over or absent', () => {
    const started = apply(apply(initialRun(), { type: 'goto', phaseIndex: 1 }, 0), { type: 'start' }, 0);
    expect(applyRunAction(phases, started, { type: 'endSilence' }, 120_000)).toMatchObject({ error: ErrorCode.IllegalTransition });
    expect(applyRunAction(phases, initialRun(), { type: 'endSilence' }, 0)).toMatchObject({ error: ErrorCode.IllegalTransition });
    const welcome = apply(initialRun(), { type: 'start' }, 0);
    expect(applyRunAction(phases, welcome, { type: 'endSilence' }, 1)).toMatchObject({ error: ErrorCode.IllegalTransition });
  });
});

describe('what phones may do', () => {
  it('follows the current phase while it runs, and only watches before and after', () => {
    const atIdeas = apply(initialRun(), { type: 'goto', phaseIndex: 1 }, 0);
    expect(phoneActivity(phases, atIdeas)).toBe('watch');
    expect(checkCanPostIdea(phases, atIdeas)?.error).toBe(ErrorCode.PhaseClosed);
    const running = apply(atIdeas, { type: 'start' }, 0);
    expect(phoneActivity(phases, running)).toBe('ideas');
    expect(checkCanPostIdea(phases, running)).toBeNull();
    expect(checkCanPostIdea(phases, apply(running, { type: 'pause' }, 1))).toBeNull();
    expect(checkCanPostIdea(phases, apply(running, { type: 'end' }, 1))?.error).toBe(ErrorCode.PhaseClosed);
    const vote = apply(apply(running, { type: 'next' }, 1), { type: 'start' }, 2);
    expect(phoneActivity(phases, vote)).toBe('vote');
    expect(checkCanPostIdea(phases, vote)?.error).toBe(ErrorCode.PhaseClosed);
  });

  it('refuses every post during "main levée"', () => {
    const running = apply(apply(initialRun(), { type: 'goto', phaseIndex: 1 }, 0), { type: 'start' }, 0);
    expect(checkCanPostIdea(phases, setHandRaised(running, true))?.error).toBe(ErrorCode.HandRaised);
    expect(checkCanPostIdea([], setHandRaised(initialRun(), true))?.error).toBe(ErrorCode.HandRaised);
    expect(checkCanPostIdea(phases, setHandRaised(setHandRaised(running, true), false))).toBeNull();
  });

  it('lets a free idea wall (no phases) always take ideas', () => {
    expect(phoneActivity([], initialRun())).toBe('ideas');
    expect(checkCanPostIdea([], initialRun())).toBeNull();
  });

  it('runs every built-in template from start to end', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      let run = initialRun();
      for (let index = 0; index < template.phases.length; index += 1) {
        const started = applyRunAction(template.phases, run, { type: 'start' }, index);
        if (isDomainError(started)) throw new Error(started.message);
        expect(phoneActivity(template.phases, started)).toBe(template.phases[index]!.activity);
        const next = applyRunAction(template.phases, started, index === template.phases.length - 1 ? { type: 'end' } : { type: 'next' }, index);
        if (isDomainError(next)) throw new Error(next.message);
        run = next;
      }
      expect(run).toMatchObject({ phaseIndex: template.phases.length - 1, status: 'ended' });
    }
  });

  it('lets residents place ideas on the matrix only while a matrix step runs, hands down', () => {
    const withMatrix: PhaseSpec[] = [
      ...phases.slice(0, 2),
      { id: 'selection', title: 'Sélection', instruction: 'Placez', activity: 'matrix', durationSec: 600, silentSec: 0 },
    ];
    const go = (run: RunState, action: RunAction) => {
      const next = applyRunAction(withMatrix, run, action, 0);
      if (isDomainError(next)) throw new Error(next.message);
      return next;
    };
    const announced = go(initialRun(), { type: 'goto', phaseIndex: 2 });
    expect(checkCanPlaceOnMatrix(withMatrix, announced)?.error).toBe(ErrorCode.PhaseClosed);
    const running = go(announced, { type: 'start' });
    expect(checkCanPlaceOnMatrix(withMatrix, running)).toBeNull();
    expect(checkCanPlaceOnMatrix(withMatrix, go(running, { type: 'pause' }))).toBeNull();
    expect(checkCanPlaceOnMatrix(withMatrix, go(running, { type: 'end' }))?.error).toBe(ErrorCode.PhaseClosed);
    expect(checkCanPlaceOnMatrix(withMatrix, setHandRaised(running, true))?.error).toBe(ErrorCode.HandRaised);
    // An ideas step, a free wall: not the matrix's time.
    expect(checkCanPlaceOnMatrix(withMatrix, go(go(initialRun(), { type: 'goto', phaseIndex: 1 }), { type: 'start' }))?.error).toBe(ErrorCode.PhaseClosed);
    expect(checkCanPlaceOnMatrix([], initialRun())?.error).toBe(ErrorCode.PhaseClosed);
  });
});
