import { Target } from 'lucide-react';
import type { CSSProperties } from 'react';
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
  const text = purposeCompletion(purpose);
  // Its length, for screens that scale a long purpose down rather than cut it (see screen.css).
  const style = { '--purpose-chars': Math.max(1, text.length) } as CSSProperties;
  return (
    <section className={`purpose ${className ?? ''}`} aria-label={t('purpose.heading')} style={style}>
      <h2 className="purpose__heading">
        <Target aria-hidden="true" className="icon" />
        {t('purpose.heading')}
      </h2>
      <p className="purpose__text" data-testid={testId} dir="auto">
        {text}
      </p>
    </section>
  );
}
