import { Maximize } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** For the projector: one click fills the screen; the button hides while it does. */
export function FullscreenButton() {
  const { t } = useTranslation();
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);

  useEffect(() => {
    const handleChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', handleChange);
    return () => document.removeEventListener('fullscreenchange', handleChange);
  }, []);

  if (fullscreen || !document.fullscreenEnabled) return null;
  const handleClick = () => {
    document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <button type="button" className="button button--secondary screen__fullscreen" onClick={handleClick} data-testid="fullscreen">
      <Maximize aria-hidden="true" className="icon" />
      {t('screen.fullscreen')}
    </button>
  );
}
