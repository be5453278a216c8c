import { Megaphone } from 'lucide-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdeaView, VoteResults } from '@gommette/shared';
import { LoadingScreen } from '../components/LoadingScreen';
import { lazyWithWords } from '../i18n/lazyWithWords';

const RetourPanel = lazyWithWords(['retour'], () => import('./RetourPanel').then((module) => module.default));

interface RetourSectionProps {
  workshopId: string;
  token: string;
  workshop: { title: string; question: string; purpose: string };
  ideas: ReadonlyArray<IdeaView>;
  results: VoteResults | null;
  /** The last step has ended, so the server finished the workshop (or reopened it when it flips back). */
  lastStepOver: boolean;
  /** The console's follow-up step shows it open. */
  initiallyOpen?: boolean;
}

/** "Retour aux habitants" on the console: briefs, follow-up, exports, figures — loaded when opened. */
export function RetourSection({ initiallyOpen = false, ...props }: RetourSectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <section className="retour-section" aria-labelledby="retour-heading">
      <h2 id="retour-heading" className="retour-section__heading">
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((value) => !value)} data-testid="retour-toggle">
          <Megaphone aria-hidden="true" className="icon" />
          {t('retour.heading')}
        </button>
      </h2>
      {open && (
        <Suspense fallback={<LoadingScreen />}>
          <RetourPanel {...props} />
        </Suspense>
      )}
    </section>
  );
}
