import type { ElementType, ReactNode } from 'react';
import type { ShownText } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { findLanguage } from '../i18n/languages';
import { usePageLanguage } from '../i18n/workshopText';

interface WrittenTextProps {
  shown: ShownText;
  as?: ElementType;
  className?: string;
  testId?: string;
  /** Shown in place of `shown.text` (e.g. the purpose without its lead-in). */
  children?: ReactNode;
}

/**
 * A text people wrote: laid out by its own direction (`dir="auto"`), marked with its language so
 * screen readers use a voice of that language, and followed by a discreet "(en français)" when it
 * is not in the page's language.
 */
export function WrittenText({ shown, as: Tag = 'span', className, testId, children }: WrittenTextProps) {
  const { t } = useTranslation();
  const page = usePageLanguage();
  const other = shown.lang !== page;
  return (
    <Tag className={className} dir="auto" lang={shown.lang} data-testid={testId}>
      {children ?? shown.text}
      {other && ' '}
      {other && (
        <small className="text-language" lang={page} dir={findLanguage(page)?.dir ?? 'ltr'} data-testid="text-language">
          {t(`textLanguage.${shown.lang}`)}
        </small>
      )}
    </Tag>
  );
}
