import { AGE_BANDS, GENDERS, formatNumber, type ParticipationFigures } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { figuresSummary } from './figuresSummary';

interface Bar {
  label: string;
  value: number | null;
}

/** Plain HTML bars (no chart library): a label, a bar as wide as its share, the number. */
function Bars({ title, bars, max, nullLabel }: { title: string; bars: ReadonlyArray<Bar>; max?: number; nullLabel?: string }) {
  const { t, i18n } = useTranslation();
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
              <span className="bars__value">{bar.value === null ? (nullLabel ?? t('questionnaire.suppressed')) : formatNumber(bar.value, i18n.language)}</span>
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

/** The console's "Chiffres de participation": counts, bars, notes; a hidden group reads "< 5" (never 0). */
export function FiguresView({ figures }: { figures: ParticipationFigures }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{figuresSummary(t, figures)}</p>
      <div className="figures-panel__grid">
        <Bars title={t('retour.bySite')} bars={figures.participants.bySite.map((site) => ({ label: site.siteName, value: site.count }))} />
        {figures.participants.byTable.length > 0 && (
          <Bars
            title={t('retour.byTable')}
            bars={figures.participants.byTable.map((table) => ({ label: t('retour.table', { number: table.tableId }), value: table.count }))}
          />
        )}
        <Bars
          title={t('retour.averages')}
          max={5}
          nullLabel={t('questionnaire.noAnswer')}
          bars={figures.questionnaire.averages.map((q) => ({ label: q.text, value: q.average }))}
        />
        <Bars
          title={t('retour.ageBands')}
          bars={AGE_BANDS.map((band) => ({ label: t(`questionnaire.ages.${band}`), value: hiddenOrCount(figures.questionnaire.ageBands[band]) }))}
        />
        <Bars
          title={t('retour.genders')}
          bars={GENDERS.map((gender) => ({ label: t(`questionnaire.genders.${gender}`), value: hiddenOrCount(figures.questionnaire.genders[gender]) }))}
        />
      </div>
      <p className="figures-panel__note" data-testid="figures-returning">
        {t('retour.returningCards', { count: figures.returning.cards })}
      </p>
      <p className="figures-panel__note">
        {figures.returning.selfDeclared === null ? t('retour.returningSuppressed') : t('retour.returningNote', { count: figures.returning.selfDeclared })}
      </p>
      <p className="figures-panel__note">{t('retour.suppressionNote')}</p>
    </>
  );
}
