import { canDo, type CentreSpace } from '@gommette/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorPanel } from '../components/ErrorPanel';
import { errorMessage } from '../components/errorMessage';
import { LoadingScreen } from '../components/LoadingScreen';
import { centreApi } from './api';
import { BriefsTab } from './BriefsTab';
import { CentreHeader } from './CentreHeader';
import { DataTab } from './DataTab';
import { FiguresTab } from './FiguresTab';
import { TeamTab } from './TeamTab';
import { TemplatesTab } from './TemplatesTab';
import { useLoad } from './useLoad';
import { WorkshopsTab } from './WorkshopsTab';
import '../styles/centre.css';

const TABS = ['workshops', 'templates', 'briefs', 'figures', 'team', 'data'] as const;
type Tab = (typeof TABS)[number];

function allowed(space: CentreSpace, tab: Tab): boolean {
  if (tab === 'team') return canDo(space.role, 'manageMembers');
  if (tab === 'data') return canDo(space.role, 'manageData');
  return true;
}

/** `/centre/:id`: the space of one centre, by tabs; admins also see the team and the data. */
export function CentreSpacePage({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => centreApi.space(centreId), [centreId]);
  const { result, reload } = useLoad(load);
  const [tab, setTab] = useState<Tab>('workshops');

  if (result.state === 'loading') return <LoadingScreen />;
  if (result.state === 'error') {
    return (
      <main className="page page--narrow centre">
        <CentreHeader />
        <ErrorPanel message={errorMessage(t, result.code)} testId="centre-refusal">
          <p>
            <Link href="/centre">{t('centre.back')}</Link>
          </p>
        </ErrorPanel>
      </main>
    );
  }
  const space = result.data;
  return (
    <main className="page centre">
      <CentreHeader>
        <Link href="/centre">{t('centre.back')}</Link>
      </CentreHeader>
      <h1 data-testid="centre-title">
        {space.centre.name} <span className="centre-town">{space.centre.town}</span>
      </h1>
      <p className="tag">{t(`centre.roles.${space.role}`)}</p>
      <nav className="centre-tabs" aria-label={t('centre.title')}>
        {TABS.filter((name) => allowed(space, name)).map((name) => (
          <button
            key={name}
            type="button"
            className={`button ${tab === name ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={tab === name}
            onClick={() => setTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(`centre.tabs.${name}`)}
          </button>
        ))}
      </nav>
      {tab === 'workshops' && <WorkshopsTab space={space} onChanged={reload} />}
      {tab === 'templates' && <TemplatesTab centreId={centreId} />}
      {tab === 'briefs' && <BriefsTab centreId={centreId} />}
      {tab === 'figures' && <FiguresTab centreId={centreId} />}
      {tab === 'team' && allowed(space, 'team') && <TeamTab space={space} onChanged={reload} />}
      {tab === 'data' && allowed(space, 'data') && <DataTab space={space} onChanged={reload} />}
    </main>
  );
}
