import type { CreateWorkshopResponse } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { saveWorkshopKeys } from '../storage/workshopKeys';
import { CreatedWorkshop } from './CreatedWorkshop';
import { WorkshopForm } from './WorkshopForm';
import '../styles/home.css';

/** `/`: the facilitator prepares a workshop, then gets its links. */
export function HomePage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null);

  const handleCreated = (workshop: CreateWorkshopResponse) => {
    saveWorkshopKeys(workshop.id, {
      facilitatorToken: workshop.facilitatorToken,
      screenToken: workshop.screenToken,
    });
    setCreated(workshop);
    window.scrollTo(0, 0);
  };

  return (
    <main className="page home">
      <header className="home__header">
        <Brand>{t('app.name')}</Brand>
        <a href="/centre" data-testid="centre-space-link">
          {t('centre.title')}
        </a>
        <LanguageSwitcher />
      </header>
      {created ? (
        <CreatedWorkshop workshop={created} onCreateAnother={() => setCreated(null)} />
      ) : (
        <>
          <div className="home__intro">
            <h1>{t('home.heading')}</h1>
            <p className="lead">{t('home.intro')}</p>
          </div>
          <WorkshopForm onCreated={handleCreated} />
        </>
      )}
    </main>
  );
}
