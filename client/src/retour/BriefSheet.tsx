import { useTranslation } from 'react-i18next';
import { formatDay, purposeCompletion, type Brief } from '@gommette/shared';

const day = (at: number | string, language: string) => formatDay(at, language);

/** The brief on one A4 page: each pre-filled element shows where it came from. */
export function BriefSheet({ brief }: { brief: Brief }) {
  const { t, i18n } = useTranslation();
  const p = brief.prefilled;
  const f = brief.fields;
  const toDo = <em className="brief-sheet__todo">{t('retour.toComplete')}</em>;
  return (
    <article className="brief-sheet" data-testid="brief-sheet">
      <header>
        <p className="brief-sheet__kind">{t('retour.sheetKind')}</p>
        <h3>{brief.title}</h3>
        <p className="brief-sheet__status">{t(`followUp.status.${brief.status}`)}</p>
      </header>
      <h4>{t('retour.question')}</h4>
      <p>{p.question.text}</p>
      <h4>{t('purpose.heading')}</h4>
      <p data-testid="brief-purpose">{purposeCompletion(p.purpose.text)}</p>
      {p.persona && (
        <>
          <h4>{t('retour.persona')}</h4>
          <p>
            {p.persona.text} <span className="brief-sheet__trace">{t('retour.traceJourney')}</span>
          </p>
        </>
      )}
      {p.needsBySteps.length > 0 && (
        <>
          <h4>{t('retour.needs')}</h4>
          <ul>
            {p.needsBySteps.flatMap((step) =>
              step.needs.map((need) => (
                <li key={`${step.stepId}-${need.source.kind === 'journey-note' ? need.source.noteId : need.text}`}>
                  {need.text} <span className="brief-sheet__trace">{t('retour.traceNeed', { step: step.stepLabel, row: need.rowLabel })}</span>
                </li>
              )),
            )}
          </ul>
        </>
      )}
      <h4>{t('retour.ideas')}</h4>
      <ul data-testid="brief-ideas">
        {p.ideas.map((idea) => (
          <li key={idea.ideaId}>
            « {idea.text} »{' '}
            <span className="brief-sheet__trace">
              {t('retour.traceIdea', { site: idea.siteName })}
              {idea.votes && (
                <>
                  {' · '}
                  {t('retour.gommettes', { count: idea.votes.total })}
                  {idea.votes.bySite.some((site) => site.gommettes !== null) &&
                    ` (${idea.votes.bySite.map((site) => `${site.siteName} ${site.gommettes ?? '—'}`).join(', ')})`}
                  {idea.votes.bySite.some((site) => site.gommettes === null) && ` · ${t('retour.splitHidden')}`}
                </>
              )}
              {idea.matrix && <> · {t('retour.traceMatrix', { easy: idea.matrix.easy, priority: idea.matrix.priority })}</>}
            </span>
          </li>
        ))}
      </ul>
      <h4>{t('retour.solution')}</h4>
      <p className="brief-sheet__text">{f.solution || toDo}</p>
      <h4>{t('retour.builders')}</h4>
      <p>{f.builders || toDo}</p>
      <h4>{t('retour.nextSteps')}</h4>
      {f.nextSteps.length > 0 ? (
        <ul>
          {f.nextSteps.map((step, index) => (
            <li key={index}>
              {step.date ? day(step.date, i18n.language) : t('retour.noDate')} — {step.text}
              {step.owner && ` (${step.owner})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{toDo}</p>
      )}
      <h4>{t('retour.unsure')}</h4>
      <p className="brief-sheet__text">{f.unsure || toDo}</p>
      <h4>{t('retour.timeline')}</h4>
      <ul>
        {brief.timeline.map((entry, index) => (
          <li key={index}>
            {day(entry.at, i18n.language)} — {t(`followUp.status.${entry.status}`)}
            {entry.reason && ` : ${entry.reason}`}
          </li>
        ))}
        {brief.news.map((item) => (
          <li key={item.id}>
            {day(item.at, i18n.language)} — {item.text}
          </li>
        ))}
      </ul>
    </article>
  );
}
