import type { CentreSpace } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewSeriesForm } from './NewSeriesForm';
import { NewWorkshopForm } from './NewWorkshopForm';
import { SeriesPanel } from './SeriesPanel';
import { WorkshopList } from './WorkshopList';

export function WorkshopsTab({ space, onChanged }: { space: CentreSpace; onChanged: () => void }) {
  const { t } = useTranslation();
  const [openSeries, setOpenSeries] = useState<string | null>(null);
  return (
    <div className="centre-columns">
      <div className="stack">
        <section className="centre-card stack" aria-labelledby="series-heading">
          <h2 id="series-heading">{t('centre.series.heading')}</h2>
          {space.series.length === 0 ? (
            <p className="hint">{t('centre.series.none')}</p>
          ) : (
            <ul className="centre-list" data-testid="series-list">
              {space.series.map((series) => (
                <li key={series.id}>
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => setOpenSeries(openSeries === series.id ? null : series.id)}
                    aria-expanded={openSeries === series.id}
                  >
                    {series.title}
                  </button>
                  {openSeries === series.id && <SeriesPanel centreId={space.centre.id} seriesId={series.id} />}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="centre-card stack" aria-labelledby="workshops-heading">
          <h2 id="workshops-heading">{t('centre.workshops.heading')}</h2>
          <WorkshopList space={space} onChanged={onChanged} />
        </section>
      </div>
      <div className="stack">
        <NewWorkshopForm space={space} onCreated={onChanged} />
        <NewSeriesForm centreId={space.centre.id} onCreated={onChanged} />
      </div>
    </div>
  );
}
