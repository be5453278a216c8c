import { ACTIVITIES, MAX_INSTRUCTION_CHARS, MAX_PHASE_TITLE_CHARS, type Activity } from '@gommette/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftPhase } from './draftMethod';

interface PhaseEditorProps {
  id: string;
  phase: DraftPhase;
  number: number;
  problem: string | undefined;
  /** Opened by the facilitator (focus its name), not by the form showing an error (the error summary keeps the focus). */
  focusOnOpen: boolean;
  onChange: (patch: Partial<Omit<DraftPhase, 'id'>>) => void;
  onDone: () => void;
}

/** A number of minutes (0–240), as typed: the form checks it on submit. */
function MinutesField({ label, value, onChange, testId }: { label: string; value: string; onChange: (value: string) => void; testId: string }) {
  return (
    <label className="field-label">
      {label}
      <input
        className="input input--narrow"
        type="number"
        inputMode="numeric"
        min={0}
        max={240}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

/** One step's form, opened from the timeline: its name, instruction, what phones do, its duration. */
export function PhaseEditor({ id, phase, number, problem, focusOnOpen, onChange, onDone }: PhaseEditorProps) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLInputElement>(null);
  const errorId = `${id}-error`;

  useEffect(() => {
    if (focusOnOpen) titleRef.current?.focus();
    // Only when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div id={id} className="phase-editor" role="group" aria-label={t('method.phaseHeading', { number })} data-testid="phase-editor">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-title`}>
          {t('method.phaseTitle')}
        </label>
        <input
          id={`${id}-title`}
          ref={titleRef}
          className="input"
          value={phase.title}
          maxLength={MAX_PHASE_TITLE_CHARS}
          onChange={(event) => onChange({ title: event.target.value })}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? errorId : undefined}
          data-testid="phase-title-input"
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-instruction`}>
          {t('method.phaseInstruction')}
        </label>
        <textarea
          id={`${id}-instruction`}
          className="input"
          rows={2}
          maxLength={MAX_INSTRUCTION_CHARS}
          value={phase.instruction}
          onChange={(event) => onChange({ instruction: event.target.value })}
          data-testid="phase-instruction"
        />
      </div>
      <div className="phase-editor__row">
        <label className="field-label">
          {t('method.phaseActivity')}
          <select
            className="input"
            value={phase.activity}
            onChange={(event) => onChange({ activity: event.target.value as Activity })}
            data-testid="phase-activity"
          >
            {ACTIVITIES.map((activity) => (
              <option key={activity} value={activity}>
                {t(`activities.${activity}`)}
              </option>
            ))}
          </select>
        </label>
        <MinutesField label={t('method.phaseDuration')} value={phase.minutes} onChange={(minutes) => onChange({ minutes })} testId="phase-minutes" />
        {phase.activity === 'ideas' && (
          <MinutesField
            label={t('method.phaseSilent')}
            value={phase.silentMinutes}
            onChange={(silentMinutes) => onChange({ silentMinutes })}
            testId="phase-silent-minutes"
          />
        )}
      </div>
      {problem && (
        <p id={errorId} className="error-text">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button button--secondary phase-editor__done"
        onClick={onDone}
        aria-label={t('method.doneLabel', { number })}
        data-testid="phase-done"
      >
        {t('method.done')}
      </button>
    </div>
  );
}
