import { Printer } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { BRIEF_STATUSES, type Brief, type BriefStatus, type NextStep } from '@gommette/shared';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { BriefSheet } from './BriefSheet';
import { ExportButtons } from './ExportButtons';
import { addBriefNews, setBriefStatus, updateBrief } from './retourApi';
import { usePrintSheet } from './usePrintSheet';

interface Props {
  workshopId: string;
  token: string;
  brief: Brief;
  onBrief: (brief: Brief) => void;
}

const emptyStep: NextStep = { text: '', owner: '', date: null };

/** Completes a brief, moves it along its timeline, posts news; prints it or exports it. */
export function BriefEditor({ workshopId, token, brief, onBrief }: Props) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ title: brief.title, ...brief.fields, nextSteps: [...brief.fields.nextSteps, emptyStep] });
  const [status, setStatus] = useState<BriefStatus>(brief.status);
  const [reason, setReason] = useState('');
  const [news, setNews] = useState('');
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const { printing, print } = usePrintSheet();

  const run = (action: Promise<Brief>, after?: () => void) => {
    setError(null);
    setSaved(false);
    action.then(
      (next) => {
        onBrief(next);
        setSaved(true);
        after?.();
      },
      (failure: unknown) => setError(errorCodeOf(failure)),
    );
  };

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    const { title, solution, builders, unsure } = fields;
    const nextSteps = fields.nextSteps.filter((step) => step.text.trim() !== '');
    run(updateBrief(workshopId, token, brief.id, { title, solution, builders, unsure, nextSteps }));
  };
  const handleStatus = (event: FormEvent) => {
    event.preventDefault();
    run(setBriefStatus(workshopId, token, brief.id, status === 'abandoned' ? { status, reason } : { status }), () => setReason(''));
  };
  const handleNews = (event: FormEvent) => {
    event.preventDefault();
    run(addBriefNews(workshopId, token, brief.id, news), () => setNews(''));
  };
  const setStep = (index: number, change: Partial<NextStep>) =>
    setFields((current) => {
      const nextSteps = current.nextSteps.map((step, at) => (at === index ? { ...step, ...change } : step));
      if (index === nextSteps.length - 1 && (nextSteps[index]?.text ?? '') !== '') nextSteps.push(emptyStep);
      return { ...current, nextSteps };
    });

  return (
    <section className="console-panel brief-editor" data-testid="brief-editor">
      <form className="retour-form" onSubmit={handleSave}>
        <label>
          {t('retour.briefTitle')}
          <input className="input" value={fields.title} maxLength={120} onChange={(event) => setFields({ ...fields, title: event.target.value })} />
        </label>
        <label>
          {t('retour.solution')}
          <textarea
            className="input"
            value={fields.solution}
            maxLength={2000}
            rows={3}
            onChange={(event) => setFields({ ...fields, solution: event.target.value })}
            data-testid="brief-solution"
          />
        </label>
        <label>
          {t('retour.builders')}
          <input
            className="input"
            value={fields.builders}
            maxLength={2000}
            onChange={(event) => setFields({ ...fields, builders: event.target.value })}
            data-testid="brief-builders"
          />
        </label>
        <fieldset>
          <legend>{t('retour.nextSteps')}</legend>
          {fields.nextSteps.map((step, index) => (
            <div key={index} className="brief-editor__step">
              <input
                className="input"
                aria-label={t('retour.stepText')}
                placeholder={t('retour.stepText')}
                value={step.text}
                maxLength={2000}
                onChange={(event) => setStep(index, { text: event.target.value })}
              />
              <input
                className="input"
                aria-label={t('retour.stepOwner')}
                placeholder={t('retour.stepOwner')}
                value={step.owner}
                maxLength={120}
                onChange={(event) => setStep(index, { owner: event.target.value })}
              />
              <input
                className="input"
                aria-label={t('retour.stepDate')}
                type="date"
                value={step.date ?? ''}
                onChange={(event) => setStep(index, { date: event.target.value === '' ? null : event.target.value })}
              />
            </div>
          ))}
        </fieldset>
        <label>
          {t('retour.unsure')}
          <textarea
            className="input"
            value={fields.unsure}
            maxLength={2000}
            rows={2}
            onChange={(event) => setFields({ ...fields, unsure: event.target.value })}
          />
        </label>
        <button type="submit" className="button button--primary" data-testid="brief-save">
          {t('retour.save')}
        </button>
      </form>

      <form className="retour-form retour-form--inline" onSubmit={handleStatus}>
        <label>
          {t('retour.status')}
          <select className="input" value={status} onChange={(event) => setStatus(event.target.value as BriefStatus)} data-testid="brief-status">
            {BRIEF_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`followUp.status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {status === 'abandoned' && (
          <label>
            {t('retour.reason')}
            <input className="input" value={reason} maxLength={280} required onChange={(event) => setReason(event.target.value)} />
          </label>
        )}
        <button type="submit" className="button" data-testid="brief-status-save">
          {t('retour.changeStatus')}
        </button>
      </form>

      <form className="retour-form retour-form--inline" onSubmit={handleNews}>
        <label>
          {t('retour.news')}
          <input
            className="input"
            value={news}
            maxLength={280}
            onChange={(event) => setNews(event.target.value)}
            placeholder={t('retour.newsPlaceholder')}
            data-testid="brief-news"
          />
        </label>
        <button type="submit" className="button" disabled={news.trim() === ''} data-testid="brief-news-add">
          {t('retour.publish')}
        </button>
      </form>

      {saved && (
        <p role="status" className="notice" data-testid="brief-saved">
          {t('retour.saved')}
        </p>
      )}
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}

      <div className="retour-exports">
        <button type="button" className="button" onClick={print} data-testid="brief-print">
          <Printer aria-hidden="true" className="icon" />
          {t('retour.print')}
        </button>
        <ExportButtons
          workshopId={workshopId}
          token={token}
          files={[
            { path: `briefs/${brief.id}/export.pdf`, label: 'PDF' },
            { path: `briefs/${brief.id}/export.md`, label: 'Markdown' },
          ]}
        />
      </div>
      <BriefSheet brief={brief} />
      {printing &&
        createPortal(
          <div className="print-sheet">
            <BriefSheet brief={brief} />
          </div>,
          document.body,
        )}
    </section>
  );
}
