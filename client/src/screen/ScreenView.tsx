import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LoadingScreen } from '../components/LoadingScreen';
import { PurposeBlock } from '../components/PurposeBlock';
import { siteColorClass } from '../components/siteColors';
import { useConnectionStatus } from '../socket/useConnectionStatus';
import { useWorkshopLive } from '../socket/useWorkshopLive';
import { useWorkshopSocket } from '../socket/useWorkshopSocket';
import { rememberStaffCredentials, type StaffCredentials } from '../staff/staffCredentials';
import { StaffRefusal } from '../staff/StaffRefusal';
import { FullscreenButton } from './FullscreenButton';
import { useTestHook } from '../testHook';
import { IdeaWall } from './IdeaWall';
import { SiteJoinPanel } from './SiteJoinPanel';
import { ScreenVotePanel } from '../vote/ScreenVotePanel';
import { useVoteFeed } from '../vote/useVoteFeed';

/** How the QR codes are laid out, by number of places (see screen.css). */
function sitesLayoutClass(count: number): string {
  if (count <= 4) return `screen--sites-${count}`;
  if (count <= 6) return 'screen--sites-grid';
  return 'screen--sites-many';
}

interface ScreenViewProps {
  credentials: StaffCredentials;
}

/** The projector: the question, what it is for, how to join, and the live wall of ideas. */
export function ScreenView({ credentials }: ScreenViewProps) {
  const { t } = useTranslation();
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const live = useWorkshopLive(socket, credentials.role);
  const vote = useVoteFeed(socket);
  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    // Remember the key only once the server has accepted it.
    if (live.snapshot) rememberStaffCredentials(credentials);
  }, [live.snapshot, credentials]);

  if (connection.refusal) return <StaffRefusal code={connection.refusal} />;
  const workshop = live.snapshot?.workshop;
  if (!workshop) return <LoadingScreen />;

  const siteIds = workshop.sites.map((site) => site.id);
  const presence = live.presence;

  return (
    <main className={`screen ${sitesLayoutClass(workshop.sites.length)}`}>
      <header className="screen__header">
        <div className="screen__top">
          <Brand className="screen__title">{workshop.title}</Brand>
          <ConnectionBadge state={connection.state} audience="staff" />
          <FullscreenButton />
        </div>
        <h1 className="screen__question" data-testid="screen-question">
          {workshop.question}
        </h1>
        <PurposeBlock purpose={workshop.purpose} testId="screen-purpose" className="purpose--screen" />
      </header>

      <aside className="screen__join" aria-labelledby="screen-join-heading">
        <div className="screen__join-top">
          <h2 id="screen-join-heading" className="screen__join-heading">
            {t('screen.joinHeading')}
          </h2>
          <p className="screen__connected" aria-live="polite">
            <span aria-hidden="true">🟢 </span>
            <span className="screen__connected-number" data-testid="connected-count">
              {presence?.total ?? 0}
            </span>{' '}
            <span>{t('screen.connectedLabel', { count: presence?.total ?? 0 })}</span>
          </p>
        </div>
        <p className="screen__join-how">{workshop.sites.length > 1 ? t('screen.scanSeveral') : t('screen.scan')}</p>
        <ul className="screen__sites">
          {workshop.sites.map((site) => (
            <SiteJoinPanel
              key={site.id}
              site={site}
              connected={presence?.bySite[site.id] ?? 0}
              several={workshop.sites.length > 1}
              colorClass={siteColorClass(siteIds, site.id)}
            />
          ))}
        </ul>
      </aside>

      <IdeaWall ideas={live.ideas} sites={workshop.sites} snapshotIdeaIds={live.snapshotIdeaIds} />
      <ScreenVotePanel feed={vote} ideas={live.ideas} sites={workshop.sites} />

    </main>
  );
}
