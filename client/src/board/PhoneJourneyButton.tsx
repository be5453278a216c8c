import { Map } from 'lucide-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWithWords } from '../i18n/lazyWithWords';

// Yjs and the board code are fetched only when a resident opens the journey map.
const PhoneJourney = lazyWithWords(['board'], () => import('./PhoneJourney').then((module) => module.default));

interface PhoneJourneyButtonProps {
  workshopId: string;
  token: string;
  siteId: string;
  /** Open from the start (when a phase shows the journey map as its main action). */
  initiallyOpen?: boolean;
}

/** The resident's way into the journey map: a button, then the step-by-step view. */
export function PhoneJourneyButton({ workshopId, token, siteId, initiallyOpen = false }: PhoneJourneyButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  if (!open) {
    return (
      <button type="button" className="button phone-journey-open" onClick={() => setOpen(true)} data-testid="open-journey">
        <Map aria-hidden="true" className="icon" />
        {t('board.phone.open')}
      </button>
    );
  }
  return (
    <Suspense fallback={<p className="hint">{t('board.loading')}</p>}>
      <PhoneJourney workshopId={workshopId} token={token} siteId={siteId} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
