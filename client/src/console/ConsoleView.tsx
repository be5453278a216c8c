import { ErrorCode } from '@gommette/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { LoadingScreen } from '../components/LoadingScreen';
import { PurposeBlock } from '../components/PurposeBlock';
import { useConnectionStatus } from '../socket/useConnectionStatus';
import { useWorkshopLive } from '../socket/useWorkshopLive';
import { useWorkshopSocket } from '../socket/useWorkshopSocket';
import { rememberStaffCredentials, type StaffCredentials } from '../staff/staffCredentials';
import { StaffRefusal } from '../staff/StaffRefusal';
import { useTestHook } from '../testHook';
import { ConsoleSites } from './ConsoleSites';
import { IdeaModerationList } from './IdeaModerationList';
import { LiveFigures } from './LiveFigures';
import { useHideIdea } from './useHideIdea';
import { useWorkshopState } from './useWorkshopState';
import { ConsoleVotePanel } from '../vote/ConsoleVotePanel';
import { useVoteFeed } from '../vote/useVoteFeed';

interface ConsoleViewProps {
  credentials: StaffCredentials;
}

/** The facilitator's live view: who is there, the room's weather, every idea with moderation. */
export function ConsoleView({ credentials }: ConsoleViewProps) {
  const { t } = useTranslation();
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const live = useWorkshopLive(socket, 'facilitator');
  const figures = useWorkshopState(credentials.workshopId, credentials.token, live.presence);
  const moderation = useHideIdea(socket, live.applyIdea);
  const vote = useVoteFeed(socket);

  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    // Remember the key only once the server has accepted it.
    if (live.snapshot) rememberStaffCredentials(credentials);
  }, [live.snapshot, credentials]);

  const workshop = live.snapshot?.workshop ?? figures.state?.workshop ?? null;
  const presence = live.presence ?? figures.state?.presence ?? null;
  const participants = figures.state?.participants ?? null;
  // The server rebuilds the projector link from the console's key, on whichever device this is.
  const screenHref = figures.state?.screenUrl;

  const refusal = connection.refusal ?? (figures.error === ErrorCode.Unauthorized || figures.error === ErrorCode.NotFound ? figures.error : null);
  if (refusal) return <StaffRefusal code={refusal} />;
  if (!workshop) return <LoadingScreen />;

  return (
    <main className="console">
      <header className="console__header">
        <Brand>{t('console.heading')}</Brand>
        <ConnectionBadge state={connection.state} audience="staff" />
        {screenHref && (
          <a className="button button--primary" href={screenHref} target="_blank" rel="noopener" title={t('console.screenHint')} data-testid="open-screen">
            <span aria-hidden="true">📺 </span>
            {t('console.openScreen')}
          </a>
        )}
        <LanguageSwitcher />
      </header>

      <div className="console__layout">
        <div className="console__side">
          <section className="console-panel console-intro">
            <h1>{workshop.title}</h1>
            <p className="console-intro__label">{t('console.question')}</p>
            <p className="console-intro__question">{workshop.question}</p>
            <PurposeBlock purpose={workshop.purpose} testId="console-purpose" className="purpose--compact" />
          </section>
          <LiveFigures presence={presence} participants={participants} figuresUnavailable={figures.error !== null} />
          <ConsoleSites sites={workshop.sites} presence={presence} participants={participants} />
        </div>
        <IdeaModerationList ideas={live.ideas} sites={workshop.sites} moderation={moderation} />
      </div>
      <ConsoleVotePanel socket={socket} feed={vote} ideas={live.ideas} sites={workshop.sites} workshopId={credentials.workshopId} token={credentials.token} />
    </main>
  );
}
