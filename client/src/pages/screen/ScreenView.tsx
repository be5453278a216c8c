import { Circle, CircleParking, VolumeX } from 'lucide-react';
import { currentPhase, isSilent, phoneActivity } from '@gommette/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardSection } from '../../board/BoardSection';
import { Brand } from '../../components/Brand';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { LoadingScreen } from '../../components/LoadingScreen';
import { PurposeBlock } from '../../components/PurposeBlock';
import { siteColorClass } from '../../components/siteColors';
import { useConnectionStatus } from '../../socket/useConnectionStatus';
import { useWorkshopLive } from '../../socket/useWorkshopLive';
import { useWorkshopSocket } from '../../socket/useWorkshopSocket';
import { rememberStaffCredentials, type StaffCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { FullscreenButton } from './FullscreenButton';
import { useTestHook } from '../../testHook';
import { IdeaWall } from '../../ideas/IdeaWall';
import { PhaseBanner } from '../../run/PhaseBanner';
import { useServerNow } from '../../socket/useServerNow';
import { ScreenAlerts } from './ScreenAlerts';
import { SiteJoinPanel } from './SiteJoinPanel';
import { screenSiteChoice, shownSites } from './screenSite';
import { ScreenVotePanel } from '../../vote/ScreenVotePanel';
import { useVoteFeed } from '../../vote/useVoteFeed';

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
  const [siteChoice] = useState(() => screenSiteChoice(credentials.workshopId, window.location.search));
  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    // Remember the key only once the server has accepted it.
    if (live.snapshot) rememberStaffCredentials(credentials);
  }, [live.snapshot, credentials]);

  const room = live.room;
  const serverNow = useServerNow(live.clockOffsetMs, room?.run.silentUntil != null);
  // During the silent individual time, ideas are written but not shown yet (nobody is influenced).
  const silent = room !== null && isSilent(room.run, serverNow);
  const screenTable = room?.screenTable ?? null;
  const onWall = useMemo(() => live.ideas.filter((idea) => !idea.parked && (screenTable === null || idea.tableId === screenTable)), [live.ideas, screenTable]);
  const parked = useMemo(() => live.ideas.filter((idea) => idea.parked), [live.ideas]);
  // The journey step opens the shared board on the projector by itself.
  // The vote and the matrix take the wall's place in their steps (and on a free wall, once a round exists).
  const activity = room ? phoneActivity(room.phases, room.run) : null;
  const matrixPlaced = (vote.matrix?.placements.length ?? 0) > 0;
  // The Sélection step shows the matrix on the shared board (one visual space with the journey
  // map and the ideas); a round opened meanwhile still shows its results.
  const showVote =
    (activity === 'vote' && (vote.round !== null || matrixPlaced)) ||
    (activity === 'matrix' && vote.round !== null) ||
    (room !== null && room.phases.length === 0 && vote.round !== null);
  const step = room !== null && room.run.status !== 'waiting' ? currentPhase(room.phases, room.run)?.activity : null;
  const journey = step === 'journey';
  const matrixStep = step === 'matrix';
  const usesMatrix = matrixPlaced || (room?.phases.some((phase) => phase.activity === 'matrix') ?? false);

  if (connection.refusal) return <StaffRefusal code={connection.refusal} />;
  const workshop = live.snapshot?.workshop;
  if (!workshop) return <LoadingScreen />;

  const siteIds = workshop.sites.map((site) => site.id);
  const presence = live.presence;
  const joinSites = shownSites(workshop.sites, siteChoice);
  // During a vote the results take the stage, during an ideas step the wall does: the question
  // and purpose shrink to one line and the QR codes to a strip.
  const stage = showVote || (activity === 'ideas' && !journey && !matrixStep && !silent && onWall.length > 0);

  return (
    <main
      className={`screen ${sitesLayoutClass(joinSites.length)}${stage ? ' screen--stage' : ''}${journey ? ' screen--journey' : ''}`}
      data-testid="screen"
      data-stage={stage ? (showVote ? 'vote' : 'ideas') : 'none'}
    >
      <header className="screen__header">
        <div className="screen__top">
          <Brand className="screen__title">{workshop.title}</Brand>
          <ConnectionBadge state={connection.state} audience="staff" />
          <FullscreenButton />
          <LanguageSwitcher />
        </div>
        <h1 className="screen__question" data-testid="screen-question" dir="auto">
          {workshop.question}
        </h1>
        <PurposeBlock purpose={workshop.purpose} testId="screen-purpose" className="purpose--screen" />
        {room && <PhaseBanner room={room} clockOffsetMs={live.clockOffsetMs} variant="screen" />}
      </header>

      <aside className="screen__join" aria-labelledby="screen-join-heading">
        <div className="screen__join-top">
          <h2 id="screen-join-heading" className="screen__join-heading">
            {t('screen.joinHeading')}
          </h2>
          <p className="screen__connected" aria-live="polite">
            <Circle aria-hidden="true" className="icon icon--live" />
            <span className="screen__connected-number" data-testid="connected-count">
              {presence?.total ?? 0}
            </span>{' '}
            <span>{t('screen.connectedLabel', { count: presence?.total ?? 0 })}</span>
          </p>
        </div>
        <p className="screen__join-how">{joinSites.length > 1 ? t('screen.scanSeveral') : t('screen.scan')}</p>
        <ul className="screen__sites">
          {joinSites.map((site) => (
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

      {showVote ? (
        <ScreenVotePanel feed={vote} ideas={live.ideas} sites={workshop.sites} showMatrix={!matrixStep} />
      ) : silent ? (
        <section className="wall wall--silent" data-testid="silent-wall">
          <p className="wall__empty">
            <VolumeX aria-hidden="true" className="icon" />
            {t('phase.silentScreen', { count: live.ideas.length })}
          </p>
        </section>
      ) : (
        <IdeaWall ideas={onWall} sites={workshop.sites} snapshotIdeaIds={live.snapshotIdeaIds} table={screenTable} />
      )}
      {parked.length > 0 && !silent && !showVote && (
        <section className="parking" aria-labelledby="parking-heading" data-testid="screen-parking">
          <h2 id="parking-heading" className="parking__heading">
            <CircleParking aria-hidden="true" className="icon" />
            {t('moderation.parkingHeading')}
          </h2>
          <ul className="parking__list">
            {parked.map((idea) => (
              <li key={idea.id} dir="auto">
                {idea.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {room && <ScreenAlerts room={room} clockOffsetMs={live.clockOffsetMs} />}
      <BoardSection
        key={journey ? 'journey' : matrixStep ? 'matrix' : 'other'}
        initiallyOpen={journey || matrixStep}
        workshopId={credentials.workshopId}
        token={credentials.token}
        role="screen"
        ideas={live.ideas}
        sites={workshop.sites}
        matrix={usesMatrix ? vote.matrix : null}
        focus={matrixStep ? 'matrix' : null}
      />
    </main>
  );
}
