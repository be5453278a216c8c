import { Tv } from 'lucide-react';
import { ErrorCode, currentPhase, isLastStepOver } from '@gommette/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardSection } from '../../board/BoardSection';
import { Brand } from '../../components/Brand';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { LoadingScreen } from '../../components/LoadingScreen';
import { PurposeBlock } from '../../components/PurposeBlock';
import { useConnectionStatus } from '../../socket/useConnectionStatus';
import { useWorkshopLive } from '../../socket/useWorkshopLive';
import { useWorkshopSocket } from '../../socket/useWorkshopSocket';
import { rememberStaffCredentials, type StaffCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { useTestHook } from '../../testHook';
import { ConsoleSites } from './ConsoleSites';
import { IdeaModerationList } from '../../ideas/IdeaModerationList';
import { LiveFigures } from './LiveFigures';
import { useHideIdea } from '../../ideas/useHideIdea';
import { useWorkshopState } from './useWorkshopState';
import { ModerationTools } from '../../ideas/ModerationTools';
import { QuestionnairePanel } from '../../questionnaire/QuestionnairePanel';
import { RunPanel } from '../../run/RunPanel';
import { SaveMethodForm } from '../../workshop/SaveMethodForm';
import { StaffLinks } from './StaffLinks';
import { TablesPanel } from '../../run/TablesPanel';
import { TranslationsPanel } from '../../workshop/TranslationsPanel';
import { ConsoleVotePanel } from '../../vote/ConsoleVotePanel';
import { sendCommand } from '../../socket/command';
import { RetourSection } from '../../retour/RetourSection';
import { useVoteFeed } from '../../vote/useVoteFeed';

interface ConsoleViewProps {
  credentials: StaffCredentials;
  /** Observers see everything the facilitator sees and change nothing. */
  readOnly?: boolean;
}

/** The facilitator's live view: who is there, the room's weather, every idea with moderation. */
export function ConsoleView({ credentials, readOnly = false }: ConsoleViewProps) {
  const { t } = useTranslation();
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const live = useWorkshopLive(socket, readOnly ? 'observer' : 'facilitator');
  const figures = useWorkshopState(readOnly ? null : credentials.workshopId, credentials.token, live.presence);
  const moderation = useHideIdea(socket, live.applyIdea);
  const vote = useVoteFeed(socket);

  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    // Remember the key only once the server has accepted it.
    if (live.snapshot) rememberStaffCredentials(credentials);
  }, [live.snapshot, credentials]);

  const workshop = live.snapshot?.workshop ?? figures.state?.workshop ?? null;
  const presence = live.presence ?? figures.state?.presence ?? null;
  // Live counts from the server's coalesced lists, else the REST figures.
  const participants = live.figures ?? figures.state?.participants ?? null;
  // The server rebuilds the projector link from the console's key, on whichever device this is.
  const screenHref = figures.state?.screenUrl;

  const matrixStep = live.room !== null && currentPhase(live.room.phases, live.room.run)?.activity === 'matrix';
  const usesMatrix = (vote.matrix?.placements.length ?? 0) > 0 || (live.room?.phases.some((phase) => phase.activity === 'matrix') ?? false);
  const refusal = connection.refusal ?? (figures.error === ErrorCode.Unauthorized || figures.error === ErrorCode.NotFound ? figures.error : null);
  if (refusal) return <StaffRefusal code={refusal} />;
  if (!workshop) return <LoadingScreen />;

  return (
    <main className="console">
      <header className="console__header">
        <Brand>{readOnly ? t('observer.heading') : t('console.heading')}</Brand>
        <ConnectionBadge state={connection.state} audience="staff" />
        {screenHref && (
          <a className="button button--primary" href={screenHref} target="_blank" rel="noopener" title={t('console.screenHint')} data-testid="open-screen">
            <Tv aria-hidden="true" className="icon" />
            {t('console.openScreen')}
          </a>
        )}
        <LanguageSwitcher />
      </header>

      <div className="console__layout">
        <div className="console__side">
          <section className="console-panel console-intro">
            <h1 dir="auto">{workshop.title}</h1>
            <p className="console-intro__label">{t('console.question')}</p>
            <p className="console-intro__question" dir="auto">
              {workshop.question}
            </p>
            <PurposeBlock purpose={workshop.purpose} testId="console-purpose" className="purpose--compact" />
          </section>
          {readOnly && <p className="notice">{t('observer.readOnly')}</p>}
          {live.room && <RunPanel socket={socket} room={live.room} clockOffsetMs={live.clockOffsetMs} onRoom={live.applyRoom} readOnly={readOnly} />}
          {live.room && !readOnly && live.room.phases.length > 0 && (
            <SaveMethodForm workshopId={credentials.workshopId} token={credentials.token} room={live.room} />
          )}
          <LiveFigures presence={presence} participants={participants} figuresUnavailable={!readOnly && figures.error !== null && participants === null} />
          {live.room && (
            <TablesPanel socket={socket} room={live.room} people={live.people} sites={workshop.sites} onRoom={live.applyRoom} readOnly={readOnly} />
          )}
          {live.room && !readOnly && (
            <ModerationTools socket={socket} room={live.room} ideas={live.ideas} sites={workshop.sites} onRoom={live.applyRoom} onIdea={live.applyIdea} />
          )}
          <ConsoleSites sites={workshop.sites} presence={presence} participants={participants} />
          {live.room?.phases.some((phase) => phase.activity === 'questionnaire') && !readOnly && (
            <QuestionnairePanel socket={socket} workshopId={credentials.workshopId} token={credentials.token} />
          )}
          {live.room && !readOnly && <TranslationsPanel socket={socket} workshop={workshop} room={live.room} onRoom={live.applyRoom} />}
          {figures.state && !readOnly && <StaffLinks helperUrl={figures.state.helperUrl} observerUrl={figures.state.observerUrl} />}
        </div>
        <IdeaModerationList
          ideas={live.ideas}
          sites={workshop.sites}
          moderation={moderation}
          socket={readOnly ? null : socket}
          onIdea={live.applyIdea}
          themes={live.room?.themes ?? []}
          tableCount={live.room?.tableCount ?? 0}
        />
      </div>
      {/* The board covers the console when open: the facilitator opens it (the projector's opens by itself). */}
      <BoardSection
        workshopId={credentials.workshopId}
        token={credentials.token}
        role={readOnly ? 'screen' : 'facilitator'}
        ideas={live.ideas}
        sites={workshop.sites}
        matrix={usesMatrix ? vote.matrix : null}
        focus={matrixStep ? 'matrix' : null}
        onMatrixPlace={readOnly ? undefined : (placement) => void sendCommand(socket, 'matrix:place', placement).then(vote.applyMatrix, () => undefined)}
      />
      <ConsoleVotePanel socket={socket} feed={vote} ideas={live.ideas} sites={workshop.sites} workshopId={credentials.workshopId} token={credentials.token} />
      {!readOnly && (
        <RetourSection
          workshopId={credentials.workshopId}
          token={credentials.token}
          workshop={workshop}
          ideas={live.ideas}
          results={vote.results}
          lastStepOver={live.room !== null && isLastStepOver(live.room.phases, live.room.run)}
        />
      )}
    </main>
  );
}
