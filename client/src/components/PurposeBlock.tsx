import { useTranslation } from 'react-i18next';

interface PurposeBlockProps {
  purpose: string;
  testId: string;
  className?: string;
}

/** Starts like the fixed heading already ("Votre participation servira à choisir…")? */
function repeatsHeading(purpose: string): boolean {
  return /^\s*(votre|ta) participation servira/i.test(purpose);
}

/**
 * "Votre participation servira à…": shown before anyone contributes. When the facilitator wrote
 * the whole sentence, the heading is not repeated above it.
 */
export function PurposeBlock({ purpose, testId, className }: PurposeBlockProps) {
  const { t } = useTranslation();
  return (
    <section className={`purpose ${className ?? ''}`} aria-label={t('purpose.heading')}>
      {!repeatsHeading(purpose) && (
        <h2 className="purpose__heading">
          <span aria-hidden="true">🎯 </span>
          {t('purpose.heading')}
        </h2>
      )}
      <p className="purpose__text" data-testid={testId} dir="auto">
        {purpose}
      </p>
    </section>
  );
}
