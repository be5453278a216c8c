import type { Activity, MethodTemplate } from '@gommette/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FREE_WALL } from './draftMethod';
import { formatDuration, methodName } from './methodWords';

interface MethodCardsProps {
  /** Built-in methods, then the ones saved by centres. */
  templates: ReadonlyArray<MethodTemplate>;
  chosenId: string;
  /** The chosen method's steps as adjusted below (its card shows them). */
  chosenSteps: ReadonlyArray<TimelineStep>;
  onChoose: (templateId: string) => void;
}

/** Steps of a card's timeline: what it shows of a method (or of the method as adjusted below). */
export interface TimelineStep {
  id: string;
  title: string;
  activity: Activity;
  minutes: number;
}

function stepsOf(template: MethodTemplate): TimelineStep[] {
  return template.phases.map((phase) => ({ id: phase.id, title: phase.title, activity: phase.activity, minutes: Math.round(phase.durationSec / 60) }));
}

/** The methods as cards (one radio group): each with its steps as a timeline and its total duration. */
export function MethodCards({ templates, chosenId, chosenSteps, onChoose }: MethodCardsProps) {
  const { t } = useTranslation();
  const name = useId();
  const builtIn = templates.filter((template) => template.builtIn);
  const saved = templates.filter((template) => !template.builtIn);
  const [savedOpen, setSavedOpen] = useState(false);
  const card = (template: MethodTemplate) => (
    <MethodCard
      key={template.id}
      group={name}
      id={template.id}
      name={methodName(t, template)}
      steps={chosenId === template.id ? chosenSteps : stepsOf(template)}
      checked={chosenId === template.id}
      onChoose={onChoose}
    />
  );

  return (
    <fieldset className="method-cards" data-testid="method-cards">
      <legend className="field-label">{t('method.cardsLegend')}</legend>
      <p className="hint">{t('method.cardsHint')}</p>
      <div className="method-cards__grid">
        {builtIn.map(card)}
        <MethodCard
          group={name}
          id={FREE_WALL}
          name={t('method.free')}
          steps={chosenId === FREE_WALL ? chosenSteps : []}
          checked={chosenId === FREE_WALL}
          onChoose={onChoose}
        />
        {saved.length > 0 && (
          // Saved methods can be many: folded (next to the last card), so the short path stays on the first screen.
          <details className="method-cards__saved" open={savedOpen} onToggle={(event) => setSavedOpen(event.currentTarget.open)}>
            <summary>{t('method.saved', { count: saved.length })}</summary>
            <div className="method-cards__grid">{saved.map(card)}</div>
          </details>
        )}
      </div>
    </fieldset>
  );
}

interface MethodCardProps {
  group: string;
  id: string;
  name: string;
  steps: ReadonlyArray<TimelineStep>;
  checked: boolean;
  onChoose: (templateId: string) => void;
}

function MethodCard({ group, id, name, steps, checked, onChoose }: MethodCardProps) {
  const { t } = useTranslation();
  const describedBy = useId();
  const total = steps.reduce((sum, step) => sum + step.minutes, 0);
  return (
    <label className={`method-card${checked ? ' method-card--checked' : ''}`} data-testid={`method-card-${id}`}>
      <span className="method-card__head">
        <input
          type="radio"
          className="method-card__radio"
          name={group}
          value={id}
          checked={checked}
          onChange={() => onChoose(id)}
          aria-describedby={describedBy}
        />
        <span className="method-card__name" dir="auto">
          {name}
        </span>
      </span>
      <span id={describedBy} className="method-card__about">
        {steps.length === 0 ? (
          <span className="method-card__meta">{t('method.freeMeta')}</span>
        ) : (
          <>
            <span className="method-card__meta">
              {t('method.stepCount', { count: steps.length })} · {formatDuration(t, total)}
            </span>
            <StepBar steps={steps} />
            <span className="method-card__steps" dir="auto">
              {steps.map((step) => step.title).join(' → ')}
            </span>
          </>
        )}
      </span>
    </label>
  );
}

/** The steps as a bar, each as long as its duration and coloured by what phones do (the titles are written next to it). */
export function StepBar({ steps }: { steps: ReadonlyArray<TimelineStep> }) {
  return (
    <span className="step-bar" aria-hidden="true">
      {steps.map((step) => (
        <span key={step.id} className={`step-bar__step step-bar__step--${step.activity}`} style={{ flexGrow: Math.max(step.minutes, 2) }} />
      ))}
    </span>
  );
}
