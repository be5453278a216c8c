import { Volume2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** True where the browser can speak (most phones); the button is not shown elsewhere. */
function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

/** "Lire à voix haute": reads the current instruction with the phone's own speech synthesis. */
export function ReadAloudButton({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  if (!canSpeak()) return null;
  const speak = () => {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = i18n.language;
    utterance.rate = 0.95;
    window.speechSynthesis.speak(utterance);
  };
  return (
    <button type="button" className="button button--secondary read-aloud" onClick={speak} data-testid="read-aloud">
      <Volume2 aria-hidden="true" className="icon" />
      {t('phase.readAloud')}
    </button>
  );
}
