import { ArrowDown, ArrowUp, Compass, Plus, X } from 'lucide-react';
import { MAX_PHASES, MAX_TABLES } from '@gommette/shared';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { appendPhase, phaseMinutes, removePhase, shiftPhase, updatePhase, type DraftMethod, type DraftPhase } from './draftMethod';
import { formatDuration } from './methodWords';
import { PhaseEditor } from './PhaseEditor';

/** The step whose form is open, and whether opening it should move the focus into it. */
export interface OpenStep {
  id: string;
  focus: boolean;
}

interface MethodTimelineProps {
  method: DraftMethod;
  /** "Atelier co-design · 9 étapes · 2 h 40", as adjusted. */
  summary: string;
  onChange: (method: DraftMethod) => void;
  /** By step id: the message to show on that step. */
  problems: Record<string, string>;
  open: OpenStep | null;
  onOpen: (open: OpenStep | null) => void;
}

/**
 * Adjusting the chosen method, optional: its steps as a compact timeline; "Modifier" opens that
 * step's form alone (one step at a time). Steps can be moved, removed and added; tables and safe mode.
 */
export function MethodTimeline({ method, summary, onChange, problems, open, onOpen }: MethodTimelineProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const headingId = `${prefix}-heading`;
  const editButtonId = (phaseId: string) => `${prefix}-edit-${phaseId}`;

  const close = (phaseId: string) => {
    onOpen(null);
    requestAnimationFrame(() => document.getElementById(editButtonId(phaseId))?.focus());
  };
  const add = () => {
    const next = appendPhase(method, t('method.newPhase'));
    onChange(next.method);
    onOpen({ id: next.phaseId, focus: true });
  };
  const remove = (phaseId: string) => {
    const index = method.phases.findIndex((phase) => phase.id === phaseId);
    const next = removePhase(method, phaseId);
    onChange(next);
    if (open?.id === phaseId) onOpen(null);
    // The focus goes to the step now in its place (or the one before), else to "Ajouter une étape".
    const neighbour = next.phases[Math.min(index, next.phases.length - 1)];
    requestAnimationFrame(() => document.getElementById(neighbour ? editButtonId(neighbour.id) : `${prefix}-add`)?.focus());
  };

  return (
    <section className="method-timeline" aria-labelledby={headingId} data-testid="method-fields">
      <h2 id={headingId} className="method-timeline__heading">
        <Compass aria-hidden="true" className="icon" />
        {t('method.legend')}
      </h2>
      <p className="method-timeline__summary" data-testid="method-summary">
        {t('method.chosen', { name: summary })}
      </p>
      {method.phases.length === 0 ? <p className="hint">{t('method.noPhases')}</p> : <p className="hint">{t('method.customiseHint')}</p>}
      <ol className="method-timeline__steps">
        {method.phases.map((phase, index) => {
          const number = index + 1;
          const editing = open?.id === phase.id;
          const editorId = `${prefix}-step-${phase.id}`;
          const problem = problems[phase.id];
          return (
            <li key={phase.id} className={`method-step method-step--${phase.activity}${editing ? ' method-step--open' : ''}`} data-testid="method-phase">
              <div className="method-step__row">
                <span className="method-step__number" aria-hidden="true">
                  {number}
                </span>
                <span className="method-step__text">
                  <span className="method-step__title" dir="auto" data-testid="method-phase-title">
                    {phase.title.trim() || t('method.untitled')}
                  </span>
                  <span className="method-step__meta">{stepMeta(t, phase)}</span>
                </span>
                <span className="method-step__actions">
                  <button
                    type="button"
                    id={editButtonId(phase.id)}
                    className="button button--secondary method-step__edit"
                    aria-expanded={editing}
                    aria-controls={editing ? editorId : undefined}
                    aria-label={t('method.editLabel', { number, title: phase.title.trim() || t('method.untitled') })}
                    onClick={() => (editing ? close(phase.id) : onOpen({ id: phase.id, focus: true }))}
                    data-testid="edit-phase"
                  >
                    {t('method.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--icon"
                    disabled={index === 0}
                    onClick={() => onChange(shiftPhase(method, phase.id, -1))}
                    aria-label={t('method.moveUp', { number })}
                    title={t('method.moveUp', { number })}
                    data-testid="move-phase-up"
                  >
                    <ArrowUp aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--icon"
                    disabled={index === method.phases.length - 1}
                    onClick={() => onChange(shiftPhase(method, phase.id, 1))}
                    aria-label={t('method.moveDown', { number })}
                    title={t('method.moveDown', { number })}
                    data-testid="move-phase-down"
                  >
                    <ArrowDown aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--icon"
                    onClick={() => remove(phase.id)}
                    aria-label={t('method.remove', { number })}
                    title={t('method.remove', { number })}
                    data-testid="remove-phase"
                  >
                    <X aria-hidden="true" />
                  </button>
                </span>
              </div>
              {editing ? (
                <PhaseEditor
                  id={editorId}
                  phase={phase}
                  number={number}
                  problem={problem}
                  focusOnOpen={open.focus}
                  onChange={(patch) => onChange(updatePhase(method, phase.id, patch))}
                  onDone={() => close(phase.id)}
                />
              ) : (
                problem && <p className="error-text method-step__problem">{problem}</p>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={`${prefix}-add`}
        className="button button--secondary"
        onClick={add}
        disabled={method.phases.length >= MAX_PHASES}
        data-testid="add-phase"
      >
        <Plus aria-hidden="true" className="icon" />
        {t('method.add')}
      </button>

      <fieldset className="method-timeline__options">
        <legend className="field-label">{t('method.optionsHeading')}</legend>
        <label className="field-label method-timeline__tables">
          {t('method.tables')}
          <input
            className="input input--narrow"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_TABLES}
            value={method.tableCount}
            onChange={(event) => onChange({ ...method, tableCount: event.target.value })}
            data-testid="method-tables"
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={method.safeMode}
            onChange={(event) => onChange({ ...method, safeMode: event.target.checked })}
            data-testid="method-safe-mode"
          />
          {t('method.safeMode')}
        </label>
      </fieldset>
    </section>
  );
}

/** "Écrire des idées · 25 min · dont 5 min en silence". */
function stepMeta(t: TFunction, phase: DraftPhase): string {
  const minutes = phaseMinutes(phase);
  const silent = phase.activity === 'ideas' ? Math.max(0, Math.round(Number(phase.silentMinutes) || 0)) : 0;
  const parts: string[] = [t(`activities.${phase.activity}`), minutes > 0 ? formatDuration(t, minutes) : t('method.noCountdown')];
  if (silent > 0) parts.push(t('method.silentPart', { count: silent }));
  return parts.join(' · ');
}
