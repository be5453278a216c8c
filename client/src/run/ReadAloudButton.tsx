import { Volume2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** One piece of text to read, in its own language (`lang`: fr, en, ar…; the page's when absent). */
export interface ReadAloudSegment {
  text: string;
  lang?: string;
}

/** True where the browser can speak (most phones); the button is not shown elsewhere. */
function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

/**
 * "Lire à voix haute": reads with the phone's own speech synthesis, each segment with a voice of
 * its language (a French instruction inside an Arabic page is read in French). `text` alone reads
 * one segment in the page's language.
 */
export function ReadAloudButton({
  text,
  segments,
  compact = false,
}: {
  text?: string;
  segments?: ReadonlyArray<ReadAloudSegment>;
  /** A small button saying "Écouter", for a page's top bar. */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!canSpeak()) return null;
  const parts = (segments ?? (text ? [{ text }] : [])).filter((segment) => segment.text.trim() !== '');
  const speak = () => {
    window.speechSynthesis.cancel();
    for (const segment of parts) {
      const utterance = new SpeechSynthesisUtterance(segment.text);
      utterance.lang = segment.lang ?? i18n.language;
      utterance.rate = 0.95;
      window.speechSynthesis.speak(utterance);
    }
  };
  return (
    <button type="button" className={`button button--secondary read-aloud${compact ? ' read-aloud--compact' : ''}`} onClick={speak} data-testid="read-aloud">
      <Volume2 aria-hidden="true" className="icon" />
      {compact ? t('phase.readAloudShort') : t('phase.readAloud')}
    </button>
  );
}
