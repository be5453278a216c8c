import type { TerritoryFigures } from '@gommette/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { centreApi } from './api';
import { essaimageApi } from './essaimageApi';
import { refusalMessage } from './refusal';
import { useLoad } from './useLoad';
import { TerritoryView } from './TerritoryView';
import { VoteQuestionnaireFigures } from './VoteQuestionnaireFigures';

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
        {territory ? (
          <TerritoryView territory={territory} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => void handleTerritory()}>
            {t('centre.figures.territoryShow')}
          </button>
        )}
      </section>
    </div>
  );
}
