import { CENTRE_CSV_TABLES, type CentreSpace } from '@gommette/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { centreApi } from './api';
import { refusalMessage } from './refusal';

/** Admins: export everything, the retention period, the territory opt-in. */
export function DataTab({ space, onChanged }: { space: CentreSpace; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const centreId = space.centre.id;
  const [days, setDays] = useState(space.centre.retentionDays === null ? '' : String(space.centre.retentionDays));
  const [territory, setTerritory] = useState(space.centre.territoryOptIn);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const daysId = useId();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage(null);
    try {
      await centreApi.settings(centreId, { retentionDays: days.trim() === '' ? null : Number(days), territoryOptIn: territory });
      setMessage(t('centre.data.saved'));
      onChanged();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  return (
    <div className="stack">
      <section className="centre-card stack" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('centre.data.exportHeading')}</h2>
        <ul className="centre-list">
          <li>
            <a href={centreApi.exportUrl(centreId, 'everything.json')} download data-testid="export-json">
              {t('centre.data.exportJson')}
            </a>
          </li>
          {CENTRE_CSV_TABLES.map((table) => (
            <li key={table}>
              <a href={centreApi.exportUrl(centreId, `${table}.csv`, i18n.language)} download data-testid={`export-csv-${table}`}>
                {t('centre.data.exportCsv', { table: t(`centre.data.tables.${table}`) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <form className="centre-card stack" onSubmit={handleSubmit} aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('centre.data.retentionHeading')}</h2>
        <p className="hint">{t('centre.data.retentionHint')}</p>
        <div className="field">
          <label className="field-label" htmlFor={daysId}>
            {t('centre.data.retentionDays')}
          </label>
          <input
            id={daysId}
            className="input input--narrow"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            data-testid="retention-days"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={territory} onChange={(event) => setTerritory(event.target.checked)} data-testid="territory-opt-in" />
          {t('centre.data.territory')}
        </label>
        {error && <AlertText>{error}</AlertText>}
        {message && (
          <p className="notice" role="status">
            {message}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="save-settings">
          {t('centre.data.save')}
        </button>
      </form>
    </div>
  );
}
