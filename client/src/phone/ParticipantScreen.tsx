import { ErrorCode, isSilent, normalizeText, phoneActivity, type JoinInfo, type JoinResponse } from '@gommette/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { ErrorPanel } from '../components/ErrorPanel';
import { errorMessage } from '../components/errorMessage';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PurposeBlock } from '../components/PurposeBlock';
import { useOutbox } from '../outbox/useOutbox';
import { useConnectionStatus } from '../socket/useConnectionStatus';
import { useWorkshopLive } from '../socket/useWorkshopLive';
import { useWorkshopSocket, type SocketCredentials } from '../socket/useWorkshopSocket';
import { useTestHook } from '../testHook';
import { HandRaised } from '../animation/HandRaised';
import { PhaseBanner } from '../animation/PhaseBanner';
import { useServerNow } from '../animation/useServerNow';
import { CardPanel } from './CardPanel';
import { EraseContributions } from '../centre/EraseContributions';
import { PhoneActivity } from './PhoneActivity';
import { TablePicker } from './TablePicker';
import { IdeaComposer } from './IdeaComposer';
import { mergeMyIdeas } from './myIdeas';
import { MyIdeasList } from './MyIdeasList';

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
  const credentials = useMemo<SocketCredentials>(
    () => ({ role: 'participant', token: participant.participantToken }),
    [participant.participantToken],
  );
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const live = useWorkshopLive(socket, 'participant');
  const outbox = useOutbox(participant.participant.id, socket, live.applyIdea);
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useTestHook(live.ideas, connection.state === 'online');

  useEffect(() => {
    if (connection.refusal === ErrorCode.Unauthorized) onSessionEnded();
  }, [connection.refusal, onSessionEnded]);

  const myIdeas = useMemo(() => mergeMyIdeas(live.ideas, outbox.pending, outbox.failed), [live.ideas, outbox.pending, outbox.failed]);

  const workshop = live.snapshot?.workshop ?? info?.workshop ?? null;
  const siteName =
    live.snapshot?.workshop.sites.find((site) => site.id === participant.participant.siteId)?.name ?? info?.site.name ?? null;

  const handleSend = () => {
    const text = normalizeText(draft, { multiline: true });
    if (text.length === 0) return;
    outbox.send(text);
    setDraft('');
  };

  const handleRetake = (id: string) => {
    const text = outbox.retake(id);
    if (text === null) return;
    setDraft(text);
    textareaRef.current?.focus();
  };

  const room = live.room;
  const activity = room ? phoneActivity(room.phases, room.run) : null;
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
        <ConnectionBadge state={connection.state} audience="resident" />
      </header>

      {workshop ? (
        <>
          {siteName && (
            <p className="phone__site">
              <span aria-hidden="true">📍 </span>
              {siteName}
            </p>
          )}
          <h1 className="phone__question">{workshop.question}</h1>
          <PurposeBlock purpose={workshop.purpose} testId="purpose" className="purpose--compact" />
        </>
      ) : (
        <p className="hint">{t('app.loading')}</p>
      )}

      {room && <PhaseBanner room={room} clockOffsetMs={live.clockOffsetMs} variant="phone" />}
      {room && <TablePicker socket={socket} tableCount={room.tableCount} me={live.me} onPicked={live.applyMe} />}

      {/* One main action at a time, decided by the phase the facilitator runs. */}
      {activity === 'ideas' && (
        <>
          {silent && (
            <p className="notice" data-testid="silent-time">
              <span aria-hidden="true">🤫 </span>
              {t('phase.silent')}
            </p>
          )}
          <IdeaComposer value={draft} onChange={setDraft} onSend={handleSend} textareaRef={textareaRef} />
          <p className="room-ideas" aria-live="polite">
            <span aria-hidden="true">💡 </span>
            {t('phone.roomIdeas', { count: live.ideaCount })}
          </p>
        </>
      )}
      {activity !== null && activity !== 'ideas' && <PhoneActivity activity={activity} />}
      {room?.run.handRaised && <HandRaised />}

      <MyIdeasList ideas={myIdeas} onRetake={handleRetake} />
      <CardPanel cardCode={participant.cardCode} />
      <EraseContributions participantToken={participant.participantToken} onErased={onSessionEnded} />
      <footer className="phone__footer">
        <LanguageSwitcher />
      </footer>
    </main>
  );
}
