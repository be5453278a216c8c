import { BUILT_IN_TEMPLATES, MAX_TABLES, movePhase, newPhaseId, type Activity, type MethodTemplate, type PhaseSpec } from '@gommette/shared';

/** The method as the form edits it: minutes, not seconds. */
export interface DraftPhase {
  id: string;
  title: string;
  instruction: string;
  activity: Activity;
  minutes: string;
  silentMinutes: string;
}

export interface DraftMethod {
  /** The chosen card: a template's id, or `FREE_WALL`. */
  templateId: string;
  phases: DraftPhase[];
  tableCount: string;
  safeMode: boolean;
  /**
   * The steps of the other methods as the facilitator left them: going back to a card brings its
   * adjusted steps back, so nothing typed is lost by trying another card.
   */
  kept: Record<string, DraftPhase[]>;
}

export const FREE_WALL = 'free';

export function draftPhases(phases: ReadonlyArray<PhaseSpec>): DraftPhase[] {
  return phases.map((phase) => ({
    id: phase.id,
    title: phase.title,
    instruction: phase.instruction,
    activity: phase.activity,
    minutes: String(Math.round(phase.durationSec / 60)),
    silentMinutes: String(Math.round(phase.silentSec / 60)),
  }));
}

export function initialMethod(): DraftMethod {
  const template = BUILT_IN_TEMPLATES[0]!;
  return { templateId: template.id, phases: draftPhases(template.phases), tableCount: '0', safeMode: false, kept: {} };
}

/** Chooses a card: its steps as last adjusted in this form, else the template's. */
export function chooseTemplate(method: DraftMethod, templateId: string, templates: ReadonlyArray<MethodTemplate>): DraftMethod {
  if (templateId === method.templateId) return method;
  const kept = { ...method.kept, [method.templateId]: method.phases };
  const template = templates.find((item) => item.id === templateId);
  const phases = kept[templateId] ?? (template ? draftPhases(template.phases) : []);
  return { ...method, templateId, phases, kept };
}

export function updatePhase(method: DraftMethod, phaseId: string, patch: Partial<Omit<DraftPhase, 'id'>>): DraftMethod {
  return { ...method, phases: method.phases.map((phase) => (phase.id === phaseId ? { ...phase, ...patch } : phase)) };
}

export function removePhase(method: DraftMethod, phaseId: string): DraftMethod {
  return { ...method, phases: method.phases.filter((phase) => phase.id !== phaseId) };
}

export function shiftPhase(method: DraftMethod, phaseId: string, by: -1 | 1): DraftMethod {
  const index = method.phases.findIndex((phase) => phase.id === phaseId);
  return { ...method, phases: movePhase(method.phases, index, index + by) };
}

/** Adds a step at the end; returns the method and the new step's id (the form opens it). */
export function appendPhase(method: DraftMethod, title: string): { method: DraftMethod; phaseId: string } {
  const id = newPhaseId(method.phases);
  const phase: DraftPhase = { id, title, instruction: '', activity: 'ideas', minutes: '10', silentMinutes: '0' };
  return { method: { ...method, phases: [...method.phases, phase] }, phaseId: id };
}

/** Minutes of a step as the form will send them (0 to 240, whole minutes). */
export function phaseMinutes(phase: Pick<DraftPhase, 'minutes'>): number {
  return Math.max(0, Math.min(240, Math.round(Number(phase.minutes) || 0)));
}

/** The total duration of the steps, in minutes (steps without a countdown count 0). */
export function totalMinutes(phases: ReadonlyArray<Pick<DraftPhase, 'minutes'>>): number {
  return phases.reduce((sum, phase) => sum + phaseMinutes(phase), 0);
}

export type MethodProblemKey = 'method.phaseTitleRequired' | 'method.phaseSilentTooLong';

/** Phases to send, or the message of each step that is not right yet (by step id). */
export function checkDraftMethod(
  method: DraftMethod,
  t: (key: MethodProblemKey, options: { number: number }) => string,
): { phases: PhaseSpec[]; tableCount: number; safeMode: boolean } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const phases = method.phases.map((phase, index): PhaseSpec => {
    const minutes = phaseMinutes(phase);
    const silent = phase.activity === 'ideas' ? Math.max(0, Math.round(Number(phase.silentMinutes) || 0)) : 0;
    if (phase.title.trim().length === 0) problems[phase.id] = t('method.phaseTitleRequired', { number: index + 1 });
    else if (silent > 0 && minutes > 0 && silent >= minutes) problems[phase.id] = t('method.phaseSilentTooLong', { number: index + 1 });
    return { id: phase.id, title: phase.title, instruction: phase.instruction, activity: phase.activity, durationSec: minutes * 60, silentSec: silent * 60 };
  });
  if (Object.keys(problems).length > 0) return { problems };
  const tableCount = Math.max(0, Math.min(MAX_TABLES, Math.round(Number(method.tableCount) || 0)));
  return { phases, tableCount, safeMode: method.safeMode };
}
