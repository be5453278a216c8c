import type { TerritoryFigures, TerritoryTotal } from '@gommette/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { centreApi } from './api';
import { essaimageApi } from './essaimageApi';
import { refusalMessage } from './refusal';
import { useLoad } from './useLoad';
import { VoteQuestionnaireFigures } from './VoteQuestionnaireFigures';

const shown = (count: TerritoryTotal) => (typeof count === 'number' ? count.toLocaleString() : count);

/** Counts only: the centre's participation across workshops, and the territory (small groups as "< 5"). */
export function FiguresTab({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => centreApi.figures(centreId), [centreId]);
  const { result } = useLoad(load);
  const [territory, setTerritory] = useState<TerritoryFigures | null>(null);
  const [error, setError] = useState<string | null>(null);

  const handleTerritory = async () => {
    try {
      setTerritory(await centreApi.territory());
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  if (result.state === 'loading') return <p className="hint">{t('app.loading')}</p>;
  if (result.state === 'error') return <AlertText>{errorMessage(t, result.code)}</AlertText>;
  const { figures, returning } = result.data;
  return (
    <div className="stack">
      <section className="centre-card stack" aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('centre.figures.heading')}</h2>
        <dl className="centre-figures" data-testid="centre-figures">
          <dt>{t('centre.figures.workshops')}</dt>
          <dd>{figures.workshops}</dd>
          <dt>{t('centre.figures.participants')}</dt>
          <dd>{figures.participants}</dd>
          <dt>{t('centre.figures.assisted')}</dt>
          <dd>{figures.assisted}</dd>
          <dt>{t('centre.figures.ideas')}</dt>
          <dd>{figures.ideas}</dd>
        </dl>
        <p className="hint" data-testid="centre-returning">
          {t('centre.figures.returning', { count: returning })}
        </p>
        <h3>{t('centre.figures.bySite')}</h3>
        <ul className="centre-list">
          {Object.entries(figures.bySite).map(([site, count]) => (
            <li key={site}>
              {site} : {count}
            </li>
          ))}
        </ul>
        <VoteQuestionnaireFigures figures={figures} />
        <p>
          <a className="button button--secondary" href={essaimageApi.figuresCsvUrl(centreId)} download data-testid="centre-figures-csv">
            {t('centre.essaimage.csv')}
          </a>
        </p>
        <h3>{t('centre.figures.perWorkshop')}</h3>
        <table className="centre-table">
          <thead>
            <tr>
              <th scope="col">{t('centre.workshops.title')}</th>
              <th scope="col">{t('centre.figures.participants')}</th>
              <th scope="col">{t('centre.figures.assisted')}</th>
              <th scope="col">{t('centre.figures.ideas')}</th>
              <th scope="col">{t('centre.figures.tables')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.perWorkshop.map((line) => (
              <tr key={line.workshopId}>
                <th scope="row">{line.title}</th>
                <td>{line.participants}</td>
                <td>{line.assisted}</td>
                <td>{line.ideas}</td>
                <td>
                  {Object.entries(line.byTable)
                    .map(([table, count]) => t('centre.figures.table', { number: table, count }))
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="centre-card stack" aria-labelledby="territory-heading">
        <h2 id="territory-heading">{t('centre.figures.territoryHeading')}</h2>
        <p className="hint">{t('centre.figures.territoryIntro')}</p>
        {error && <AlertText>{error}</AlertText>}
        {territory?.centres === 0 && <p data-testid="territory-none">{t('centre.figures.territoryNone')}</p>}
        {territory && territory.centres > 0 ? (
          <table className="centre-table" data-testid="territory">
            <thead>
              <tr>
                <th scope="col">{t('centre.figures.centre')}</th>
                <th scope="col">{t('centre.figures.workshops')}</th>
                <th scope="col">{t('centre.figures.participants')}</th>
                <th scope="col">{t('centre.figures.assisted')}</th>
                <th scope="col">{t('centre.figures.ideas')}</th>
                <th scope="col">{t('centre.essaimage.voters')}</th>
                <th scope="col">{t('centre.essaimage.gommettesTotal')}</th>
                <th scope="col">{t('centre.essaimage.responses')}</th>
              </tr>
            </thead>
            <tbody>
              {territory.perCentre.map((line) => (
                <tr key={`${line.name}-${line.town}`}>
                  <th scope="row">
                    {line.name} ({line.town})
                  </th>
                  <td>{line.workshops}</td>
                  <td>{shown(line.participants)}</td>
                  <td>{shown(line.assisted)}</td>
                  <td>{shown(line.ideas)}</td>
                  <td>{shown(line.voters)}</td>
                  <td>{shown(line.gommettes)}</td>
                  <td>{shown(line.responses)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('centre.figures.centres')} : {territory.centres}</th>
                <td>{territory.workshops}</td>
                <td>{shown(territory.participants)}</td>
                <td>{shown(territory.assisted)}</td>
                <td>{shown(territory.ideas)}</td>
                <td>{shown(territory.voters)}</td>
                <td>{shown(territory.gommettes)}</td>
                <td>{shown(territory.responses)}</td>
              </tr>
            </tbody>
          </table>
        ) : null}
        {territory ? (
          territory.centres > 0 && (
          <>
            <ul className="centre-list" data-testid="territory-questionnaire">
              {territory.questions.map((question) => (
                <li key={question.text}>
                  {question.text} :{' '}
                  <strong>{question.average === null ? t('centre.essaimage.noAnswer') : t('centre.essaimage.average', { value: question.average.toLocaleString() })}</strong>{' '}
                  <span className="hint">({t('centre.essaimage.answers', { count: question.answers })})</span>
                </li>
              ))}
            </ul>
            <p>
              <a className="button button--secondary" href={essaimageApi.territoryCsvUrl()} download>
                {t('centre.essaimage.territoryCsv')}
              </a>
            </p>
          </>
          )
        ) : (
          <button type="button" className="button button--secondary" onClick={() => void handleTerritory()}>
            {t('centre.figures.territoryShow')}
          </button>
        )}
      </section>
    </div>
  );
}
