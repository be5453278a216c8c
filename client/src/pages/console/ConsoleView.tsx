import { Keyboard, Tv } from 'lucide-react';
import { ErrorCode, currentPhase, isLastStepOver, type Activity } from '@gommette/shared';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
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
import { ConsoleTabs, type ConsoleTab } from './ConsoleTabs';
import { IdeaModerationList } from '../../ideas/IdeaModerationList';
import { LiveFigures } from './LiveFigures';
import { useHideIdea } from '../../ideas/useHideIdea';
import { useWorkshopState } from './useWorkshopState';
import { ModerationTools } from '../../ideas/ModerationTools';
import { QuestionnairePanel } from '../../questionnaire/QuestionnairePanel';
import { RunBar } from '../../run/RunBar';
import { ShortcutHelp } from '../../run/ShortcutHelp';
import { useShortcuts, type ShortcutAction } from '../../run/shortcuts';
import { useRunControls } from '../../run/useRunControls';
import { SaveMethodForm } from '../../workshop/SaveMethodForm';
import { StaffLinks } from './StaffLinks';
import { TablesPanel } from '../../run/TablesPanel';
import { TranslationsPanel } from '../../workshop/TranslationsPanel';
import { ConsoleVotePanel } from '../../vote/ConsoleVotePanel';
import { sendCommand } from '../../socket/command';
import { RetourSection } from '../../retour/RetourSection';
import { useVoteFeed } from '../../vote/useVoteFeed';
import './consoleSteps.css';

interface ConsoleViewProps {
  credentials: StaffCredentials;
  /** Observers see everything the facilitator sees and change nothing. */
  readOnly?: boolean;
}

/** What the console puts in front: the current step's activity, or the follow-up once the last step is over. */
type StepView = Activity | 'followUp';
/** The side panel's tabs: everything the step does not need in front, one click away. */
type ToolTab = 'room' | 'ideas' | 'moderation' | 'workshop' | 'method' | 'texts' | 'vote' | 'questionnaire' | 'followUp';

/** The tab the side panel opens on for each step (the facilitator's choice holds until the step changes). */
const DEFAULT_TAB: Record<StepView, ToolTab> = {
  welcome: 'room',
  watch: 'ideas',
  journey: 'ideas',
  ideas: 'moderation',
  matrix: 'ideas',
  vote: 'room',
  questionnaire: 'room',
  followUp: 'workshop',
};

/** A tab whose every part is shown in front is left out (no empty tab). */
function hasContent(content: ReactNode): boolean {
  if (Array.isArray(content)) return content.some((part: ReactNode) => hasContent(part));
  return content !== null && content !== undefined && content !== false;
}

/**
 * The facilitator's live view, organised around the current step: a top bar that never scrolls away
 * (the step, its timer, the controls, main levée, who is there), the step's own panel in front, and
 * everything else in a side panel of tabs. Keyboard shortcuts (`?`) drive it hands free.
 */
export function ConsoleView({ credentials, readOnly = false }: ConsoleViewProps) {
  const { t } = useTranslation();
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const live = useWorkshopLive(socket, readOnly ? 'observer' : 'facilitator');
  const figures = useWorkshopState(readOnly ? null : credentials.workshopId, credentials.token, live.presence);
  const moderation = useHideIdea(socket, live.applyIdea);
  const vote = useVoteFeed(socket);
  const controls = useRunControls(readOnly ? null : socket, live.room, live.applyRoom);
  const [boardOpen, setBoardOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [tabChoice, setTabChoice] = useState<{ step: string; tab: ToolTab } | null>(null);
  const bar = useRef<HTMLElement>(null);
  const root = useRef<HTMLElement>(null);
  const tools = useRef<HTMLElement>(null);

  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    // Remember the key only once the server has accepted it.
    if (live.snapshot) rememberStaffCredentials(credentials);
  }, [live.snapshot, credentials]);

  // The open board starts under the top bar, whose height changes with the width and the step.
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => root.current?.style.setProperty('--console-bar-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  });

  const room = live.room;
  const phase = room ? currentPhase(room.phases, room.run) : null;
  const lastStepOver = room !== null && isLastStepOver(room.phases, room.run);
  const view: StepView = lastStepOver ? 'followUp' : (phase?.activity ?? 'ideas');
  const stepKey = `${room?.run.phaseIndex ?? -1}:${view}`;
  const tab = tabChoice?.step === stepKey ? tabChoice.tab : DEFAULT_TAB[view];

  // A new step: the side panel shows its tab from the top.
  useEffect(() => {
    tools.current?.scrollTo?.({ top: 0 });
  }, [stepKey]);

  const onShortcut = (action: ShortcutAction) => {
    if (action === 'help') return setHelpOpen((value) => !value);
    if (helpOpen) return;
    if (action === 'board') return setBoardOpen((value) => !value);
    if (readOnly || !room) return;
    if (action === 'next' && room.run.phaseIndex < room.phases.length - 1) controls.control('next');
    else if (action === 'previous' && room.run.phaseIndex > 0) controls.control('previous');
    else if (action === 'toggle') controls.toggle();
    else if (action === 'plus1' && room.run.status !== 'waiting' && phase) controls.control('extend', { minutes: 1 });
    else if (action === 'hand') controls.setHand(!room.run.handRaised);
    else if (action === 'reveal') {
      const round = vote.round;
      if (round && round.status !== 'open' && round.revealedAt === null) {
        void sendCommand(socket, 'vote:reveal', { roundId: round.id }).then(vote.applyRound, () => undefined);
      }
    }
  };
  useShortcuts(live.room !== null, onShortcut);

  const workshop = live.snapshot?.workshop ?? figures.state?.workshop ?? null;
  const presence = live.presence ?? figures.state?.presence ?? null;
  // Live counts from the server's coalesced lists, else the REST figures.
  const participants = live.figures ?? figures.state?.participants ?? null;
  // The server rebuilds the projector link from the console's key, on whichever device this is.
  const screenHref = figures.state?.screenUrl;

  const usesMatrix = (vote.matrix?.placements.length ?? 0) > 0 || (room?.phases.some((step) => step.activity === 'matrix') ?? false);
  const hasQuestionnaire = room?.phases.some((step) => step.activity === 'questionnaire') ?? false;
  const refusal = connection.refusal ?? (figures.error === ErrorCode.Unauthorized || figures.error === ErrorCode.NotFound ? figures.error : null);
  if (refusal) return <StaffRefusal code={refusal} />;
  if (!workshop) return <LoadingScreen />;

  // Each part once: in front when the step needs it, else under its tab.
  const intro = (
    <section className="console-panel console-intro" key="intro">
      <h2 className="console-intro__label">{t('console.question')}</h2>
      <p className="console-intro__question" dir="auto">
        {workshop.question}
      </p>
      <PurposeBlock purpose={workshop.purpose} testId="console-purpose" className="purpose--compact" />
    </section>
  );
  const liveFigures = (
    <LiveFigures
      key="figures"
      presence={presence}
      participants={participants}
      figuresUnavailable={!readOnly && figures.error !== null && participants === null}
    />
  );
  const sites = <ConsoleSites key="sites" sites={workshop.sites} presence={presence} participants={participants} />;
  const tables = room && (
    <TablesPanel key="tables" socket={socket} room={room} people={live.people} sites={workshop.sites} onRoom={live.applyRoom} readOnly={readOnly} />
  );
  const ideaList = (
    <IdeaModerationList
      key="ideas"
      ideas={live.ideas}
      sites={workshop.sites}
      moderation={moderation}
      socket={readOnly ? null : socket}
      onIdea={live.applyIdea}
      themes={room?.themes ?? []}
      tableCount={room?.tableCount ?? 0}
    />
  );
  const votePanel = (part: 'vote' | 'matrix' | 'both') => (
    <ConsoleVotePanel
      key={`vote-${part}`}
      part={part}
      socket={socket}
      feed={vote}
      ideas={live.ideas}
      sites={workshop.sites}
      workshopId={credentials.workshopId}
      token={credentials.token}
    />
  );
  const questionnaire = hasQuestionnaire && !readOnly && (
    <QuestionnairePanel key="questionnaire" socket={socket} workshopId={credentials.workshopId} token={credentials.token} />
  );
  const retour = !readOnly && (
    <RetourSection
      key="retour"
      workshopId={credentials.workshopId}
      token={credentials.token}
      workshop={workshop}
      ideas={live.ideas}
      results={vote.results}
      lastStepOver={lastStepOver}
      initiallyOpen={view === 'followUp'}
    />
  );
  const board = (
    <BoardSection
      workshopId={credentials.workshopId}
      token={credentials.token}
      role={readOnly ? 'screen' : 'facilitator'}
      ideas={live.ideas}
      sites={workshop.sites}
      matrix={usesMatrix ? vote.matrix : null}
      focus={view === 'matrix' ? 'matrix' : null}
      onMatrixPlace={readOnly ? undefined : (placement) => void sendCommand(socket, 'matrix:place', placement).then(vote.applyMatrix, () => undefined)}
      open={boardOpen}
      onOpenChange={setBoardOpen}
    />
  );
  const boardCall = (hint: string) => (
    <section className="console-panel console-board-call" key="board">
      <h2>{t('run.boardHeading')}</h2>
      <p className="hint">{hint}</p>
      {board}
    </section>
  );

  const front: Record<StepView, ReactNode[]> = {
    welcome: [liveFigures, sites],
    watch: [intro, tables],
    journey: [boardCall(t('run.boardJourneyHint')), liveFigures],
    ideas: [ideaList],
    matrix: [votePanel('matrix'), boardCall(t('run.boardMatrixHint'))],
    vote: [votePanel('vote')],
    questionnaire: hasQuestionnaire && !readOnly ? [questionnaire] : [liveFigures],
    followUp: readOnly ? [ideaList] : [retour],
  };
  const inFront = front[view];
  const shown = new Set(inFront.flatMap((node) => (node && typeof node === 'object' && 'key' in node && node.key ? [String(node.key)] : [])));
  const unless = (key: string, node: ReactNode) => (shown.has(key) ? null : node);
  const boardInFront = view === 'journey' || view === 'matrix';

  // The vote and the matrix: whichever part the step does not show in front.
  const voteTab = view === 'vote' ? (usesMatrix ? votePanel('matrix') : null) : view === 'matrix' ? votePanel('vote') : votePanel(usesMatrix ? 'both' : 'vote');

  const tabs: ConsoleTab<ToolTab>[] = [
    { id: 'room', label: t('run.tab_room'), content: [unless('figures', liveFigures), unless('tables', tables)] },
    { id: 'ideas', label: t('run.tab_ideas'), content: unless('ideas', ideaList) },
    ...(room && !readOnly
      ? [
          {
            id: 'moderation' as const,
            label: t('run.tab_moderation'),
            content: <ModerationTools socket={socket} room={room} ideas={live.ideas} sites={workshop.sites} onRoom={live.applyRoom} onIdea={live.applyIdea} />,
          },
        ]
      : []),
    {
      id: 'workshop',
      label: t('run.tab_workshop'),
      content: [
        unless('intro', intro),
        unless('sites', sites),
        figures.state && !readOnly ? <StaffLinks key="links" helperUrl={figures.state.helperUrl} observerUrl={figures.state.observerUrl} /> : null,
      ],
    },
    ...(room && !readOnly && room.phases.length > 0
      ? [
          {
            id: 'method' as const,
            label: t('run.tab_method'),
            content: <SaveMethodForm workshopId={credentials.workshopId} token={credentials.token} room={room} />,
          },
        ]
      : []),
    ...(room && !readOnly
      ? [
          {
            id: 'texts' as const,
            label: t('run.tab_texts'),
            content: <TranslationsPanel socket={socket} workshop={workshop} room={room} onRoom={live.applyRoom} />,
          },
        ]
      : []),
    ...(voteTab ? [{ id: 'vote' as const, label: usesMatrix ? t('run.tab_voteMatrix') : t('run.tab_vote'), content: voteTab }] : []),
    ...(questionnaire && view !== 'questionnaire' ? [{ id: 'questionnaire' as const, label: t('run.tab_questionnaire'), content: questionnaire }] : []),
    ...(retour && view !== 'followUp' ? [{ id: 'followUp' as const, label: t('run.tab_followUp'), content: retour }] : []),
  ];

  return (
    <main className={`console console--step console--${view}${readOnly ? ' console--observer' : ''}`} ref={root} data-view={view}>
      <header className="console-bar" ref={bar}>
        <div className="console-bar__top">
          <Brand className="brand console-bar__brand">{readOnly ? t('observer.heading') : t('console.heading')}</Brand>
          <h1 className="console-bar__title" dir="auto">
            {workshop.title}
          </h1>
          <p className="console-bar__people">
            <strong data-testid="connected-count" aria-live="polite">
              {presence?.total ?? 0}
            </strong>{' '}
            {t('run.connected', { count: presence?.total ?? 0 })}
          </p>
          <ConnectionBadge state={connection.state} audience="staff" />
          {screenHref && (
            <a className="button button--secondary" href={screenHref} target="_blank" rel="noopener" title={t('console.screenHint')} data-testid="open-screen">
              <Tv aria-hidden="true" className="icon" />
              {t('console.openScreen')}
            </a>
          )}
          {!boardInFront && board}
          <button
            type="button"
            className="button button--secondary console-bar__help"
            aria-haspopup="dialog"
            aria-keyshortcuts="?"
            onClick={() => setHelpOpen(true)}
            data-testid="shortcuts-open"
          >
            <Keyboard aria-hidden="true" className="icon" />
            {t('run.shortcutsButton')}
          </button>
          <LanguageSwitcher />
        </div>
        {room && <RunBar room={room} clockOffsetMs={live.clockOffsetMs} controls={controls} readOnly={readOnly} />}
        {readOnly && <p className="notice">{t('observer.readOnly')}</p>}
      </header>

      <div className="console__layout">
        <div className="console__front" data-testid="console-front">
          {inFront}
        </div>
        <aside className="console__tools" aria-label={t('run.tools')} ref={tools}>
          <ConsoleTabs
            label={t('run.tools')}
            tabs={tabs.filter((entry) => hasContent(entry.content))}
            selected={tab}
            onSelect={(id) => setTabChoice({ step: stepKey, tab: id })}
          />
        </aside>
      </div>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </main>
  );
}
