import { Target } from 'lucide-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { purposeCompletion, type Translations } from '@gommette/shared';
import { useWorkshopText } from '../i18n/workshopText';
import { WrittenText } from './WrittenText';

interface PurposeBlockProps {
  purpose: string;
  testId: string;
  className?: string;
  /** The facilitator's versions of the purpose in other languages. */
  translations?: Partial<Translations> | null | undefined;
}

/**
 * "Votre participation servira à…": shown before anyone contributes, in the reader's language.
 * When the facilitator typed the whole sentence, its lead-in is not repeated under the heading.
 */
export function PurposeBlock({ purpose, testId, className, translations }: PurposeBlockProps) {
  const { t } = useTranslation();
  const shown = useWorkshopText(translations)(purpose);
  const text = purposeCompletion(shown.text);
  // Its length, for screens that scale a long purpose down rather than cut it (see screen.css).
  const style = { '--purpose-chars': Math.max(1, text.length) } as CSSProperties;
  return (
    <section className={`purpose ${className ?? ''}`} aria-label={t('purpose.heading')} style={style}>
      <h2 className="purpose__heading">
        <Target aria-hidden="true" className="icon" />
        {t('purpose.heading')}
      </h2>
      <WrittenText as="p" className="purpose__text" testId={testId} shown={shown}>
        {text}
      </WrittenText>
    </section>
  );
}
