import { IdCard } from 'lucide-react';
import { formatCodeForReading } from '@gommette/shared';
import { useTranslation } from 'react-i18next';

interface CardPanelProps {
  cardCode: string;
}

/** The pseudonymous participant card: a code to continue on another phone, no account. */
export function CardPanel({ cardCode }: CardPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="card-panel" aria-labelledby="card-heading">
      <h2 id="card-heading">
        <IdCard aria-hidden="true" className="icon" />
        {t('card.heading')}
      </h2>
      <p className="card-panel__code" data-testid="card-code" translate="no">
        {formatCodeForReading(cardCode)}
      </p>
      <p className="hint">{t('card.explain')}</p>
    </section>
  );
}
