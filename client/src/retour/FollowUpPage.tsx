import { formatDay, purposeCompletion, timelineSteps, type FollowUpBrief, type FollowUpView } from '@gommette/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { isAbort } from '../api/http';
import { Brand } from '../components/Brand';
import { ErrorPanel } from '../components/ErrorPanel';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { LoadingScreen } from '../components/LoadingScreen';
import { errorMessage } from '../components/errorMessage';
import { fetchFollowUp, fetchMyFollowUpIdeas } from './retourApi';
import { ReadAloudButton, type ReadAloudSegment } from '../run/ReadAloudButton';
import { writtenSegment } from '../people/writtenText';
import type { TFunction } from 'i18next';
import './followUp.css';

interface FollowUpPageProps {
  joinCode: string;
  /** The token this phone kept from the workshop (its participant card), if any. */
  participantToken: string | null;
}

const day = (at: number | string, language: string) => formatDay(at, language, 'long');

/** What "Lire à voix haute" reads on the follow-up page: the workshop, then each decision, its status and its news. */
function followUpSegments(view: FollowUpView, t: TFunction, language: string): ReadAloudSegment[] {
  const ui = (text: string): ReadAloudSegment => ({ text, lang: language });
  const segments: ReadAloudSegment[] = [
    ui(t('followUp.over')),
    writtenSegment(view.workshop.question),
    ui(t('followUp.purposeHeading')),
    writtenSegment(purposeCompletion(view.workshop.purpose)),
    ui(view.briefs.length === 0 ? `${t('followUp.decided')}. ${t('followUp.nothingYet')}` : t('followUp.decided')),
  ];
  for (const brief of view.briefs) {
    segments.push(writtenSegment(brief.title));
    const current = timelineSteps(brief).find((step) => step.current);
    if (current) segments.push(ui(t(`followUp.status.${current.status}`)));
    if (brief.news.length > 0) segments.push(ui(t('followUp.news')));
    for (const item of brief.news) segments.push(ui(day(item.at, language)), writtenSegment(item.text));
  }
  if (view.nextMeeting) segments.push(ui(t('followUp.nextMeeting')), writtenSegment(view.nextMeeting));
  return segments;
}

/**
 * `/j/:joinCode` once the workshop is over: what it was for, what was decided and what became of
 * it. Plain HTML and CSS (a lazy chunk, no canvas), printable as a poster. "Ton idée" is known
 * only to this phone: the server answers "which of MY ideas" to this phone's own token.
 */
export default function FollowUpPage({ joinCode, participantToken }: FollowUpPageProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<FollowUpView | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchFollowUp(joinCode, controller.signal).then(
      (loaded) => {
        setView(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (!isAbort(failure)) setError(errorCodeOf(failure));
      },
    );
    if (participantToken) {
      fetchMyFollowUpIdeas(joinCode, participantToken, controller.signal).then(
        (found) => setMine(new Set(found.ideaIds)),
        () => undefined, // without it, the page simply highlights nothing
      );
    }
    return () => controller.abort();
  }, [joinCode, participantToken, attempt]);

  if (!view && error) {
    return (
      <main className="phone follow-up">
        <ErrorPanel message={errorMessage(t, error)} onRetry={() => setAttempt((value) => value + 1)} />
      </main>
    );
  }
  if (!view) return <LoadingScreen />;

  return (
    <main className="phone follow-up" data-testid="follow-up">
      <header className="phone__header follow-up__header">
        <Brand>{t('followUp.brand')}</Brand>
        <LanguageSwitcher />
      </header>
      <section>
        <p className="follow-up__over">{t('followUp.over')}</p>
        <h1 dir="auto">{view.workshop.title}</h1>
        <p className="follow-up__question" dir="auto">
          {view.workshop.question}
        </p>
        <ReadAloudButton segments={followUpSegments(view, t, i18n.language)} />
        <div className="follow-up__purpose">
          <h2>{t('followUp.purposeHeading')}</h2>
          <p data-testid="follow-up-purpose" dir="auto">
            {purposeCompletion(view.workshop.purpose)}
          </p>
        </div>
      </section>
      <section aria-labelledby="follow-up-decided">
        <h2 id="follow-up-decided">{t('followUp.decided')}</h2>
        {view.briefs.length === 0 && <p>{t('followUp.nothingYet')}</p>}
        {view.briefs.map((brief) => (
          <BriefFollowUp key={brief.id} brief={brief} mine={mine} language={i18n.language} />
        ))}
      </section>
      {view.nextMeeting && (
        <section className="follow-up__meeting" data-testid="follow-up-meeting">
          <h2>{t('followUp.nextMeeting')}</h2>
          <p dir="auto">{view.nextMeeting}</p>
        </section>
      )}
      <p className="follow-up__print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('followUp.print')}
        </button>
      </p>
    </main>
  );
}

function BriefFollowUp({ brief, mine, language }: { brief: FollowUpBrief; mine: ReadonlySet<string>; language: string }) {
  const { t } = useTranslation();
  const steps = timelineSteps(brief);
  return (
    <article className="follow-up__brief" data-testid="follow-up-brief">
      <h3 dir="auto">{brief.title}</h3>
      {brief.solution && <p className="follow-up__solution">{brief.solution}</p>}
      <ol className="timeline" aria-label={t('followUp.timeline')}>
        {steps.map((step) => (
          <li
            key={step.status}
            className={`timeline__step${step.at !== null ? ' timeline__step--done' : ''}${step.current ? ' timeline__step--current' : ''}`}
            aria-current={step.current ? 'step' : undefined}
            data-testid={`timeline-${step.status}`}
          >
            <span className="timeline__label">{t(`followUp.status.${step.status}`)}</span>
            {step.at !== null && <span className="timeline__date">{day(step.at, language)}</span>}
            {step.reason && <span className="timeline__reason">{t('followUp.because', { reason: step.reason })}</span>}
          </li>
        ))}
      </ol>
      {brief.news.length > 0 && (
        <>
          <h4>{t('followUp.news')}</h4>
          <ul className="follow-up__news">
            {brief.news.map((item) => (
              <li key={item.id} data-testid="follow-up-news">
                <span className="timeline__date">{day(item.at, language)}</span> {item.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {brief.nextSteps.length > 0 && (
        <>
          <h4>{t('followUp.nextSteps')}</h4>
          <ul>
            {brief.nextSteps.map((step, index) => (
              <li key={index}>
                {step.date && <span className="timeline__date">{day(step.date, language)}</span>} {step.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('followUp.fromIdeas')}</h4>
      <ul className="follow-up__ideas">
        {brief.ideas.map((idea) => (
          <li
            key={idea.ideaId}
            className={mine.has(idea.ideaId) ? 'follow-up__idea follow-up__idea--mine' : 'follow-up__idea'}
            data-testid={mine.has(idea.ideaId) ? 'my-idea' : undefined}
          >
            {mine.has(idea.ideaId) && <strong className="follow-up__mine">{t('followUp.yourIdea')} </strong>}« {idea.text} »
          </li>
        ))}
      </ul>
    </article>
  );
}
