import { ArrowDown, ArrowUp, Compass, X } from 'lucide-react';
import { ACTIVITIES, BUILT_IN_TEMPLATES, MAX_TABLES, movePhase, newPhaseId, type Activity, type MethodTemplate, type PhaseSpec } from '@gommette/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchTemplates } from '../api/workshops';

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
  templateId: string;
  phases: DraftPhase[];
  tableCount: string;
  safeMode: boolean;
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
  return { templateId: template.id, phases: draftPhases(template.phases), tableCount: '0', safeMode: false };
}

interface MethodFieldsProps {
  method: DraftMethod;
  onChange: (method: DraftMethod) => void;
  /** By phase index: the message to show under that phase. */
  problems: Record<number, string>;
}

/** The method: a template (built-in or saved by the centre), then every step adjustable. */
export function MethodFields({ method, onChange, problems }: MethodFieldsProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const [templates, setTemplates] = useState<ReadonlyArray<MethodTemplate>>(BUILT_IN_TEMPLATES);

  useEffect(() => {
    const controller = new AbortController();
    // Saved methods are a bonus: the built-in ones are already here if the list cannot load.
    fetchTemplates(controller.signal).then(setTemplates, () => undefined);
    return () => controller.abort();
  }, []);

  const pickTemplate = (templateId: string) => {
    const template = templates.find((item) => item.id === templateId);
    onChange({ ...method, templateId, phases: template ? draftPhases(template.phases) : [] });
  };
  const setPhase = (index: number, patch: Partial<DraftPhase>) =>
    onChange({ ...method, phases: method.phases.map((phase, i) => (i === index ? { ...phase, ...patch } : phase)) });
  const addPhase = () =>
    onChange({
      ...method,
      phases: [
        ...method.phases,
        { id: newPhaseId(method.phases), title: t('method.newPhase'), instruction: '', activity: 'ideas', minutes: '10', silentMinutes: '0' },
      ],
    });

  return (
    <fieldset className="method-fields" data-testid="method-fields">
      <legend className="field-label">
        <Compass aria-hidden="true" className="icon" />
        {t('method.legend')}
      </legend>
      <label className="field-label" htmlFor={`${prefix}-template`}>
        {t('method.template')}
      </label>
      <p className="hint">{t('method.templateHint')}</p>
      <select
        id={`${prefix}-template`}
        className="input"
        value={method.templateId}
        onChange={(event) => pickTemplate(event.target.value)}
        data-testid="method-template"
      >
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
        <option value={FREE_WALL}>{t('method.free')}</option>
      </select>

      <ol className="method-fields__phases">
        {method.phases.map((phase, index) => {
          const id = `${prefix}-phase-${index}`;
          const number = index + 1;
          return (
            <li key={phase.id} className="method-phase" data-testid="method-phase">
              <div className="method-phase__head">
                <strong>{t('method.phaseHeading', { number })}</strong>
                <button
                  type="button"
                  className="button button--secondary button--icon"
                  disabled={index === 0}
                  onClick={() => onChange({ ...method, phases: movePhase(method.phases, index, index - 1) })}
                  aria-label={t('method.moveUp', { number })}
                >
                  <ArrowUp aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="button button--secondary button--icon"
                  disabled={index === method.phases.length - 1}
                  onClick={() => onChange({ ...method, phases: movePhase(method.phases, index, index + 1) })}
                  aria-label={t('method.moveDown', { number })}
                >
                  <ArrowDown aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="button button--secondary button--icon"
                  onClick={() => onChange({ ...method, phases: method.phases.filter((_, i) => i !== index) })}
                  aria-label={t('method.remove', { number })}
                  data-testid="remove-phase"
                >
                  <X aria-hidden="true" />
                </button>
              </div>
              <label className="field-label" htmlFor={`${id}-title`}>
                {t('method.phaseTitle')}
              </label>
              <input
                id={`${id}-title`}
                className="input"
                value={phase.title}
                onChange={(event) => setPhase(index, { title: event.target.value })}
                aria-invalid={Boolean(problems[index])}
                data-testid="phase-title-input"
              />
              <label className="field-label" htmlFor={`${id}-instruction`}>
                {t('method.phaseInstruction')}
              </label>
              <textarea
                id={`${id}-instruction`}
                className="input"
                rows={2}
                value={phase.instruction}
                onChange={(event) => setPhase(index, { instruction: event.target.value })}
              />
              <div className="method-phase__row">
                <label className="field-label">
                  {t('method.phaseActivity')}
                  <select className="input" value={phase.activity} onChange={(event) => setPhase(index, { activity: event.target.value as Activity })}>
                    {ACTIVITIES.map((activity) => (
                      <option key={activity} value={activity}>
                        {t(`activities.${activity}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field-label">
                  {t('method.phaseDuration')}
                  <input
                    className="input input--narrow"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={240}
                    value={phase.minutes}
                    onChange={(event) => setPhase(index, { minutes: event.target.value })}
                    data-testid="phase-minutes"
                  />
                </label>
                {phase.activity === 'ideas' && (
                  <label className="field-label">
                    {t('method.phaseSilent')}
                    <input
                      className="input input--narrow"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={240}
                      value={phase.silentMinutes}
                      onChange={(event) => setPhase(index, { silentMinutes: event.target.value })}
                    />
                  </label>
                )}
              </div>
              {problems[index] && (
                <p className="error-text" role="alert">
                  {problems[index]}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary" onClick={addPhase} data-testid="add-phase">
        <span aria-hidden="true">＋ </span>
        {t('method.add')}
      </button>

      <div className="method-fields__options">
        <label className="field-label" htmlFor={`${prefix}-tables`}>
          {t('method.tables')}
        </label>
        <input
          id={`${prefix}-tables`}
          className="input input--narrow"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_TABLES}
          value={method.tableCount}
          onChange={(event) => onChange({ ...method, tableCount: event.target.value })}
          data-testid="method-tables"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={method.safeMode}
            onChange={(event) => onChange({ ...method, safeMode: event.target.checked })}
            data-testid="method-safe-mode"
          />
          {t('method.safeMode')}
        </label>
      </div>
    </fieldset>
  );
}

/** Phases to send, or the message of each phase that is not right yet. */
export function checkDraftMethod(
  method: DraftMethod,
  t: (key: 'method.phaseTitleRequired' | 'method.phaseSilentTooLong', options: { number: number }) => string,
): { phases: PhaseSpec[]; tableCount: number; safeMode: boolean } | { problems: Record<number, string> } {
  const problems: Record<number, string> = {};
  const phases = method.phases.map((phase, index): PhaseSpec => {
    const minutes = Math.max(0, Math.min(240, Math.round(Number(phase.minutes) || 0)));
    const silent = phase.activity === 'ideas' ? Math.max(0, Math.round(Number(phase.silentMinutes) || 0)) : 0;
    if (phase.title.trim().length === 0) problems[index] = t('method.phaseTitleRequired', { number: index + 1 });
    else if (silent > 0 && minutes > 0 && silent >= minutes) problems[index] = t('method.phaseSilentTooLong', { number: index + 1 });
    return { id: phase.id, title: phase.title, instruction: phase.instruction, activity: phase.activity, durationSec: minutes * 60, silentSec: silent * 60 };
  });
  if (Object.keys(problems).length > 0) return { problems };
  const tableCount = Math.max(0, Math.min(MAX_TABLES, Math.round(Number(method.tableCount) || 0)));
  return { phases, tableCount, safeMode: method.safeMode };
}
