import { useTranslation } from 'react-i18next';
import { purposeCompletion } from '@gommette/shared';

interface PurposeBlockProps {
  purpose: string;
  testId: string;
  className?: string;
}

/**
 * "Votre participation servira à…": shown before anyone contributes, in the reader's language.
 * When the facilitator typed the whole sentence, its lead-in is not repeated under the heading.
 */
export function PurposeBlock({ purpose, testId, className }: PurposeBlockProps) {
  const { t } = useTranslation();
  return (
    <section className={`purpose ${className ?? ''}`} aria-label={t('purpose.heading')}>
      <h2 className="purpose__heading">
        <span aria-hidden="true">🎯 </span>
        {t('purpose.heading')}
      </h2>
      <p className="purpose__text" data-testid={testId} dir="auto">
        {purposeCompletion(purpose)}
      </p>
    </section>
  );
}
