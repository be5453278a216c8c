import { AGE_BANDS, type CentreFigures, type SuppressedCount } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { QuestionAverages } from './QuestionAverages';

/** The centre's gommettes (voters per site; per-site splits hidden below 3 voters) and pooled questionnaire. */
export function VoteQuestionnaireFigures({ figures }: { figures: CentreFigures }) {
  const { t } = useTranslation();
  const { votes, questionnaire } = figures;
  const shown = (count: SuppressedCount) => (count === null ? t('centre.essaimage.hidden') : String(count));
  return (
    <>
      <h3>{t('centre.essaimage.votesHeading')}</h3>
      <dl className="centre-figures" data-testid="centre-vote-figures">
        <dt>{t('centre.essaimage.rounds')}</dt>
        <dd>{votes.rounds}</dd>
        <dt>{t('centre.essaimage.gommettesTotal')}</dt>
        <dd>
          {votes.gommettes} ({t('centre.essaimage.paper')} {votes.paper})
        </dd>
        <dt>{t('centre.essaimage.voters')}</dt>
        <dd>{votes.voters}</dd>
      </dl>
      <h4>{t('centre.essaimage.votersBySite')}</h4>
      <ul className="centre-list">
        {Object.entries(votes.votersBySite).map(([site, voters]) => (
          <li key={site}>
            {site} : {voters}
          </li>
        ))}
      </ul>
      <h3>{t('centre.essaimage.questionnaireHeading')}</h3>
      <p>
        {t('centre.essaimage.responses')} : <strong data-testid="centre-responses">{questionnaire.responses}</strong>
      </p>
      <QuestionAverages questions={questionnaire.questions} testId="centre-questionnaire" />
      <h4>{t('centre.essaimage.ages')}</h4>
      <ul className="centre-list">
        {AGE_BANDS.filter((band) => questionnaire.ageBands[band] !== 0).map((band) => (
          <li key={band}>
            {t(`questionnaire.ages.${band}`)} : {shown(questionnaire.ageBands[band])}
          </li>
        ))}
      </ul>
    </>
  );
}
