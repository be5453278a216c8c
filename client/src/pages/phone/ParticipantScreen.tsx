import { Lightbulb, MapPin, VolumeX } from 'lucide-react';
import { ErrorCode, isSilent, normalizeText, phoneActivity, type JoinInfo, type JoinResponse } from '@gommette/shared';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { ErrorPanel } from '../../components/ErrorPanel';
import { errorMessage } from '../../components/errorMessage';
import { WrittenText } from '../../components/WrittenText';
import { useWorkshopText } from '../../i18n/workshopText';
import { useOutbox } from '../../ideas/useOutbox';
import { useConnectionStatus } from '../../socket/useConnectionStatus';
import { useWorkshopLive } from '../../socket/useWorkshopLive';
import { useWorkshopSocket, type SocketCredentials } from '../../socket/useWorkshopSocket';
import { PhoneJourneyButton } from '../../board/PhoneJourneyButton';
import { lazyWithWords } from '../../i18n/lazyWithWords';
import { useTestHook } from '../../testHook';
import { HandRaised } from '../../run/HandRaised';
import { PhaseBanner } from '../../run/PhaseBanner';
import { useServerNow } from '../../socket/useServerNow';
import { CardPanel } from '../../people/CardPanel';
import { PhonePurpose } from '../../people/PhonePurpose';
import { PhoneFooter } from './PhoneFooter';
import { PhoneActivity } from './PhoneActivity';
import { TablePicker } from '../../run/TablePicker';
import { IdeaComposer } from '../../ideas/IdeaComposer';
import { mergeMyIdeas } from '../../ideas/myIdeas';
import { MY_IDEAS_HEADING_ID, MyIdeasList } from '../../ideas/MyIdeasList';
import { useVoteFeed } from '../../vote/useVoteFeed';
import { loadSnapshot } from '../../storage/snapshotStore';
import { useKeepSnapshot } from './useKeepSnapshot';

// The vote screen loads only when a round exists, keeping the first screen light.
const PhoneVote = lazyWithWords(['vote'], () => import('../../vote/PhoneVote').then((module) => module.default));
// Rarely used, at the bottom of the page: its code (and the centre's API) loads after the first screen.
const EraseContributions = lazy(() => import('../../centre/EraseContributions').then((module) => ({ default: module.EraseContributions })));
// The screens of late steps load with their words when the step comes.
const PhoneMatrix = lazyWithWords(['steps'], () => import('../../vote/PhoneMatrix').then((module) => module.default));
const QuestionnaireForm = lazyWithWords(['steps'], () => import('../../questionnaire/QuestionnaireForm').then((module) => module.QuestionnaireForm));

interface ParticipantScreenProps {
  participant: JoinResponse;
  /** What the join page knows (may be remembered from an earlier visit); the snapshot wins. */
  info: JoinInfo | null;
  /** The server no longer knows this participant: go back to the join screen. */
  onSessionEnded: () => void;
}

/** The resident's main screen: the question, a box for ideas, "Mes idées", "Ma carte". */
export function ParticipantScreen({ participant, info, onSessionEnded }: ParticipantScreenProps) {
  const { t } = useTranslation();
  const credentials = useMemo<SocketCredentials>(() => ({ role: 'participant', token: participant.participantToken }), [participant.participantToken]);
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  // What this phone last saw of the workshop: shown at once, and with no network at all.
  const [saved] = useState(() => loadSnapshot(participant.joinCode, participant.participant.id));
  const live = useWorkshopLive(socket, 'participant', saved);
  const outbox = useOutbox(participant.participant.id, socket, live.applyIdea);
  const vote = useVoteFeed(socket, saved);
  useKeepSnapshot(participant, live, vote);
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    if (connection.refusal === ErrorCode.Unauthorized) onSessionEnded();
  }, [connection.refusal, onSessionEnded]);

  const myIdeas = useMemo(() => mergeMyIdeas(live.ideas, outbox.pending, outbox.failed), [live.ideas, outbox.pending, outbox.failed]);

  const workshop = live.snapshot?.workshop ?? info?.workshop ?? null;

  // A new screen (after "C'est parti", or a return): screen readers start from its heading
  // rather than from wherever the join button was.
  const hasHeading = workshop !== null;
  useEffect(() => {
    if (hasHeading) headingRef.current?.focus();
  }, [hasHeading]);
  const siteName = live.snapshot?.workshop.sites.find((site) => site.id === participant.participant.siteId)?.name ?? info?.site.name ?? null;

  const handleSend = () => {
    const text = normalizeText(draft, { multiline: true });
    if (text.length === 0) return;
    outbox.send(text);
    setDraft('');
    // The send button is disabled once the box is empty: focus goes to the list the idea is now
    // in ("Mes idées", with its state), not lost to the page.
    document.getElementById(MY_IDEAS_HEADING_ID)?.focus();
  };

  const handleRetake = (id: string) => {
    const text = outbox.retake(id);
    if (text === null) return;
    setDraft(text);
    textareaRef.current?.focus();
  };

  const room = live.room;
  const tableChosen = live.me?.tableId != null;
  const show = useWorkshopText(room?.translations ?? info?.translations);
  const [answeredNow, setAnsweredNow] = useState(false);
  const questionnaireAnswered = answeredNow || live.snapshot?.questionnaireAnswered === true;
  const activity = room ? phoneActivity(room.phases, room.run) : null;
  // A free wall (no steps) hands the phone over to an open round; with steps, ideas, the journey
  // and the questionnaire keep their own step.
  const freeWall = room !== null && room.phases.length === 0;
  const showVote =
    vote.round !== null && (freeWall || (activity !== 'ideas' && activity !== 'journey' && activity !== 'matrix' && activity !== 'questionnaire'));
  const serverNow = useServerNow(live.clockOffsetMs, activity === 'ideas' && room?.run.silentUntil !== null);
  const silent = room !== null && activity === 'ideas' && isSilent(room.run, serverNow);

  const refusal = connection.refusal;
  if (refusal !== null && refusal !== ErrorCode.Unauthorized) {
    return (
      <main className="phone">
        <ErrorPanel message={errorMessage(t, refusal)} reload />
      </main>
    );
  }

  return (
    <main className="phone">
      <header className="phone__header">
        {workshop && siteName && (
          <p className="phone__site">
            <MapPin aria-hidden="true" className="icon" />
            <bdi>{siteName}</bdi>
          </p>
        )}
        <ConnectionBadge state={connection.state} audience="resident" />
      </header>

      {workshop ? (
        <>
          <h1 className="phone__question" tabIndex={-1} ref={headingRef}>
            <WrittenText testId="question" shown={show(workshop.question)} />
          </h1>
          <PhonePurpose purpose={workshop.purpose} translations={room?.translations ?? info?.translations} lines={1} />
        </>
      ) : (
        <p className="hint">{t('app.loading')}</p>
      )}

      {room && <PhaseBanner room={room} clockOffsetMs={live.clockOffsetMs} variant="phone" />}
      {/* The chosen table is one line above the action; the picker itself waits below it. */}
      {room && tableChosen && !showVote && activity !== 'questionnaire' && activity !== 'matrix' && (
        <TablePicker socket={socket} tableCount={room.tableCount} me={live.me} onPicked={live.applyMe} />
      )}

      {/* One main action at a time, decided by the phase the facilitator runs. */}
      {activity === 'ideas' && !(freeWall && vote.round?.status === 'open') && (
        <>
          {silent && (
            <p className="notice" data-testid="silent-time">
              <VolumeX aria-hidden="true" className="icon" />
              {t('phase.silent')}
            </p>
          )}
          <IdeaComposer value={draft} onChange={setDraft} onSend={handleSend} textareaRef={textareaRef} />
          <p className="room-ideas" aria-live="polite">
            <Lightbulb aria-hidden="true" className="icon" />
            {t('phone.roomIdeas', { count: live.ideaCount })}
          </p>
        </>
      )}
      {activity === 'questionnaire' && room && (
        <Suspense fallback={null}>
          <QuestionnaireForm
            socket={socket}
            questionnaire={room.questionnaire}
            translations={room.translations}
            answered={questionnaireAnswered}
            onAnswered={() => setAnsweredNow(true)}
          />
        </Suspense>
      )}
      {/* A vote round: the main action of a vote step, and of any quiet moment while a round stays
          open (a window of several days for the other sites); ideas, the journey and the
          questionnaire keep their step. */}
      {showVote && (
        <Suspense fallback={null}>
          <PhoneVote participantId={participant.participant.id} socket={socket} feed={vote} clockOffsetMs={live.clockOffsetMs} myIdeas={live.ideas} />
        </Suspense>
      )}
      {/* The Sélection step: the table's ideas, each placed on the two axes. */}
      {activity === 'matrix' && room && (
        <Suspense fallback={null}>
          <PhoneMatrix
            socket={socket}
            tableId={live.me?.tableId ?? null}
            tableCount={room.tableCount}
            ideaCount={live.ideaCount}
            handRaised={room.run.handRaised}
          />
        </Suspense>
      )}
      {activity !== null && !showVote && activity !== 'ideas' && activity !== 'questionnaire' && activity !== 'journey' && activity !== 'matrix' && (
        <PhoneActivity activity={activity} />
      )}
      {room?.run.handRaised && <HandRaised />}

      {/* The journey map: the main action of a journey step; on a free wall, always at hand. */}
      {workshop && (activity === 'journey' || room?.phases.length === 0) && (
        <PhoneJourneyButton
          key={activity ?? 'none'}
          workshopId={workshop.id}
          token={participant.participantToken}
          siteId={participant.participant.siteId}
          initiallyOpen={activity === 'journey'}
        />
      )}

      {room && !tableChosen && <TablePicker socket={socket} tableCount={room.tableCount} me={live.me} onPicked={live.applyMe} />}
      <MyIdeasList ideas={myIdeas} onRetake={handleRetake} />
      <CardPanel cardCode={participant.cardCode} />
      <Suspense fallback={null}>
        <EraseContributions participantToken={participant.participantToken} onErased={onSessionEnded} />
      </Suspense>
      <PhoneFooter />
    </main>
  );
}
