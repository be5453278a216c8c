import { Target } from 'lucide-react';
import { purposeCompletion, type Translations } from '@gommette/shared';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WrittenText } from '../components/WrittenText';
import { findLanguage } from '../i18n/languages';
import { usePageLanguage, useWorkshopText } from '../i18n/workshopText';

interface PhonePurposeProps {
  purpose: string;
  /** Lines shown before "Lire tout" (the whole text stays in the page for screen readers). */
  lines: number;
  /** The facilitator's versions of the purpose in other languages. */
  translations?: Partial<Translations> | null | undefined;
}

/**
 * "Votre participation servira à…" on the phone: the heading and the text on the same lines,
 * cut after `lines` lines with a button to read it all, so the screen's main action stays in the
 * first screen. Only the eye is spared: screen readers and "Lire à voix haute" get the whole text.
 */
export function PhonePurpose({ purpose, lines, translations }: PhonePurposeProps) {
  const { t } = useTranslation();
  const shown = useWorkshopText(translations)(purpose);
  const text = purposeCompletion(shown.text);
  // A text written the other way round from the page (French in an Arabic page) gets its own
  // line under the heading (at least one line of it shows): cut inline, its visible part and the
  // "…" would land on the wrong side.
  const page = usePageLanguage();
  const mixed = (findLanguage(page)?.dir ?? 'ltr') !== (findLanguage(shown.lang)?.dir ?? 'ltr');
  const shownLines = mixed ? Math.max(lines, 2) : lines;
  const bodyId = useId();
  const body = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);

  useLayoutEffect(() => {
    const element = body.current;
    if (!element || open) return undefined;
    const measure = () => setCut(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [open, text]);

  return (
    <section className={`phone-purpose${open ? ' phone-purpose--open' : ''}${mixed ? ' phone-purpose--mixed' : ''}`} aria-labelledby={`${bodyId}-heading`}>
      <div ref={body} id={bodyId} className="phone-purpose__body" style={open ? undefined : { WebkitLineClamp: shownLines }}>
        <h2 id={`${bodyId}-heading`} className="phone-purpose__heading">
          <Target aria-hidden="true" className="icon" />
          {t('purpose.heading')}
        </h2>{' '}
        <WrittenText as="p" className="phone-purpose__text" testId="purpose" shown={shown}>
          {text}
        </WrittenText>
      </div>
      {(cut || open) && (
        <button type="button" className="phone-purpose__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? t('purpose.less') : t('purpose.more')}
        </button>
      )}
    </section>
  );
}
