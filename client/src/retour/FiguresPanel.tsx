import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, GENDERS, type ParticipationFigures } from '@gommette/shared';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { ExportButtons } from './ExportButtons';
import { fetchFigures } from './retourApi';
import { figuresSummary } from './figuresSummary';

interface Bar {
  label: string;
  value: number | null;
}

/** Plain HTML bars (no chart library): a label, a bar as wide as its share, the number. */
function Bars({ title, bars, max, nullLabel }: { title: string; bars: ReadonlyArray<Bar>; max?: number; nullLabel?: string }) {
  const { t } = useTranslation();
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  return (
    <figure className="bars">
      <figcaption>{title}</figcaption>
      <dl>
        {bars.map((bar) => (
          <div key={bar.label} className="bars__row">
            <dt>{bar.label}</dt>
            <dd>
              <span className="bars__bar" style={{ inlineSize: `${((bar.value ?? 0) / top) * 100}%` }} aria-hidden="true" />
              <span className="bars__value">{bar.value === null ? (nullLabel ?? t('questionnaire.suppressed')) : bar.value}</span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

/** A suppressed group arrives as null and must read "< 5", never 0; a missing key is a true 0. */
function hiddenOrCount(count: number | null | undefined): number | null {
  return count === undefined ? 0 : count;
}

export function FiguresPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<ParticipationFigures | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchFigures(workshopId, token, controller.signal).then(setFigures, (failure: unknown) => {
      if (!controller.signal.aborted) setError(errorCodeOf(failure));
    });
    return () => controller.abort();
  }, [workshopId, token, attempt]);

  return (
    <section className="console-panel figures-panel" data-testid="figures-panel">
      <h3>
        {t('retour.figuresHeading')}{' '}
        <button type="button" className="button" onClick={() => setAttempt((value) => value + 1)}>
          {t('retour.refresh')}
        </button>
      </h3>
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
      {figures && (
        <>
          <p>
            {figuresSummary(t, figures)}
          </p>
          <div className="figures-panel__grid">
            <Bars title={t('retour.bySite')} bars={figures.participants.bySite.map((site) => ({ label: site.siteName, value: site.count }))} />
            {figures.participants.byTable.length > 0 && <Bars title={t('retour.byTable')} bars={figures.participants.byTable.map((table) => ({ label: t('retour.table', { number: table.tableId }), value: table.count }))} />}
            <Bars title={t('retour.averages')} max={5} nullLabel={t('questionnaire.noAnswer')} bars={figures.questionnaire.averages.map((q) => ({ label: q.text, value: q.average }))} />
            <Bars title={t('retour.ageBands')} bars={AGE_BANDS.map((band) => ({ label: t(`questionnaire.ages.${band}`), value: hiddenOrCount(figures.questionnaire.ageBands[band]) }))} />
            <Bars title={t('retour.genders')} bars={GENDERS.map((gender) => ({ label: t(`questionnaire.genders.${gender}`), value: hiddenOrCount(figures.questionnaire.genders[gender]) }))} />
          </div>
          <p className="figures-panel__note" data-testid="figures-returning">
            {t('retour.returningCards', { count: figures.returning.cards })}
          </p>
          <p className="figures-panel__note">
            {figures.returning.selfDeclared === null ? t('retour.returningSuppressed') : t('retour.returningNote', { count: figures.returning.selfDeclared })}
          </p>
          <p className="figures-panel__note">{t('retour.suppressionNote')}</p>
        </>
      )}
      <ExportButtons workshopId={workshopId} token={token} files={[{ path: 'figures.csv', label: t('retour.figuresCsv') }]} />
    </section>
  );
}
