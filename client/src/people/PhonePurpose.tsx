import { purposeCompletion } from '@gommette/shared';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PhonePurposeProps {
  purpose: string;
  /** Lines shown before "Lire tout" (the whole text stays in the page for screen readers). */
  lines: number;
}

/**
 * "Votre participation servira à…" on the phone: the heading and the text on the same lines,
 * cut after `lines` lines with a button to read it all, so the screen's main action stays in the
 * first screen. Only the eye is spared: screen readers and "Lire à voix haute" get the whole text.
 */
export function PhonePurpose({ purpose, lines }: PhonePurposeProps) {
  const { t } = useTranslation();
  const text = purposeCompletion(purpose);
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
    <section className={`phone-purpose${open ? ' phone-purpose--open' : ''}`} aria-labelledby={`${bodyId}-heading`}>
      <div ref={body} id={bodyId} className="phone-purpose__body" style={open ? undefined : { WebkitLineClamp: lines }}>
        <h2 id={`${bodyId}-heading`} className="phone-purpose__heading">
          <span aria-hidden="true">🎯 </span>
          {t('purpose.heading')}
        </h2>{' '}
        <p className="phone-purpose__text" data-testid="purpose" dir="auto">
          {text}
        </p>
      </div>
      {(cut || open) && (
        <button type="button" className="phone-purpose__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {open ? t('purpose.less') : t('purpose.more')}
        </button>
      )}
    </section>
  );
}
