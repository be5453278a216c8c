import { formatNumber, type TerritoryFigures, type TerritoryTotal } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { QuestionAverages } from './QuestionAverages';
import { essaimageApi } from './essaimageApi';

/**
 * The territory view: the opted-in centres' figures added up, small groups as "< 5". When no centre
 * shares its figures, it says so instead of a table of "< 5".
 */
export function TerritoryView({ territory }: { territory: TerritoryFigures }) {
  const { t, i18n } = useTranslation();
  const shown = (count: TerritoryTotal) => (typeof count === 'number' ? formatNumber(count, i18n.language) : count);
  return (
    <>
      {territory.centres === 0 && <p data-testid="territory-none">{t('centre.figures.territoryNone')}</p>}
      {territory.centres > 0 ? (
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
              <th scope="row">
                {t('centre.figures.centres')} : {territory.centres}
              </th>
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
      {territory.centres > 0 && (
        <>
          <QuestionAverages questions={territory.questions} testId="territory-questionnaire" />
          <p>
            <a className="button button--secondary" href={essaimageApi.territoryCsvUrl()} download>
              {t('centre.essaimage.territoryCsv')}
            </a>
          </p>
        </>
      )}
    </>
  );
}
