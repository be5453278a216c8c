import { initialRun, type RunState } from './run';
import type { PhaseSpec } from './method';
import { DEFAULT_QUESTIONNAIRE, type Questionnaire } from '../questionnaire/questionnaire';
import { emptyTranslations, visibleTranslations, type Translations } from './translations';

export const MAX_THEMES = 20;
export const MAX_THEME_CHARS = 40;

/**
 * Everything the facilitator sets for the room, kept as one versioned record so that two consoles
 * on the same workshop never interleave half-applied changes (optimistic concurrency on `version`).
 */
export interface RoomState {
  version: number;
  phases: PhaseSpec[];
  run: RunState;
  /** 0: no tables. */
  tableCount: number;
  /** Youth groups: new ideas reach the projector only once the facilitator approved them. */
  safeMode: boolean;
  /** In plenary, the projector shows one table's ideas at a time (null: every idea). */
  screenTable: number | null;
  /** Theme names ideas can be grouped under. */
  themes: string[];
  /** The closing questionnaire phones show in a questionnaire step. */
  questionnaire: Questionnaire;
  /** The facilitator's English and Arabic versions of what they wrote (rooms saved before have none). */
  translations: Translations;
}

export function initialRoom(phases: PhaseSpec[]): RoomState {
  return {
    version: 0,
    phases,
    run: initialRun(),
    tableCount: 0,
    safeMode: false,
    screenTable: null,
    themes: [],
    questionnaire: DEFAULT_QUESTIONNAIRE,
    translations: emptyTranslations(),
  };
}

/** A phase as phones and projectors see it: the instruction only once the phase has started. */
export interface PhaseView extends Omit<PhaseSpec, 'instruction'> {
  instruction: string | null;
}

export interface RoomView extends Omit<RoomState, 'phases'> {
  phases: PhaseView[];
  /** The server's clock when this view was sent: screens compute their offset from it. */
  serverNow: number;
}

/**
 * What a role may see of the room. Staff (facilitator, observer, helper) see every instruction;
 * phones and projectors see an instruction once its phase has been started (revealed phase by phase).
 */
export function viewRoom(room: RoomState, staff: boolean, now: number): RoomView {
  const started = (index: number): boolean => index < room.run.phaseIndex || (index === room.run.phaseIndex && room.run.status !== 'waiting');
  const phases = room.phases.map((phase, index) => ({ ...phase, instruction: staff || started(index) ? phase.instruction : null }));
  const translations = room.translations ?? emptyTranslations();
  if (staff) return { ...room, phases, translations, serverNow: now };
  const hidden = new Set(room.phases.flatMap((phase, index) => (started(index) ? [] : [phase.instruction])));
  const shown = new Set([
    ...phases.flatMap((phase) => [phase.title, phase.instruction ?? '']),
    ...room.questionnaire.questions.map((question) => question.text),
  ]);
  return { ...room, phases, translations: visibleTranslations(translations, hidden, shown), serverNow: now };
}

/** Keeps the run on an existing phase after the facilitator removed or reordered phases. */
export function withPhases(room: RoomState, phases: PhaseSpec[]): RoomState {
  const current = room.phases[room.run.phaseIndex];
  const sameIndex = current ? phases.findIndex((phase) => phase.id === current.id) : -1;
  if (sameIndex >= 0) return { ...room, phases, run: { ...room.run, phaseIndex: sameIndex } };
  return {
    ...room,
    phases,
    run: { ...initialRun(), handRaised: room.run.handRaised, phaseIndex: Math.min(room.run.phaseIndex, Math.max(0, phases.length - 1)) },
  };
}

/** The clock offset a client should add to `Date.now()` to read the server's clock. */
export function clockOffset(serverNow: number, clientNowAtReceipt: number): number {
  return serverNow - clientNowAtReceipt;
}
