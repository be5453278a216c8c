import { nextKioskVoter, purposeCompletion, type MyVotes } from '@gommette/shared';
import { nanoid } from 'nanoid';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { errorMessage } from '../components/errorMessage';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { LoadingScreen } from '../components/LoadingScreen';
import { PurposeBlock } from '../components/PurposeBlock';
import { useConnectionStatus } from '../socket/useConnectionStatus';
import { useWorkshopSocket, type SocketCredentials } from '../socket/useWorkshopSocket';
import { StaffRefusal } from '../components/StaffRefusal';
import { tokenFromHash } from '../storage/workshopKeys';
import { loadKiosk, saveKiosk, type StoredKiosk } from './kioskSession';
import { useKioskContext, type KioskContext } from './useKioskContext';
import { useVoteFeed } from './useVoteFeed';
import { useVoteOutbox } from './useVoteOutbox';
import { effectiveGommettes } from './VoteOutbox';
import { VoteCards } from './VoteCards';
import { BallotReadAloud } from './BallotReadAloud';
import { ReadAloudButton } from '../run/ReadAloudButton';
import { writtenSegment } from '../people/writtenText';
import '../styles/phone.css';
import './vote.css';

interface KioskPageProps {
  workshopId: string;
}

/** `/kiosk/:id#k=<kioskToken>`: a site's shared tablet, one person after another. */
export function KioskPage({ workshopId }: KioskPageProps) {
  const [initial] = useState(() => loadKiosk(workshopId, tokenFromHash(window.location.hash)));
  if (!initial) return <StaffRefusal code={null} />;
  return <KioskView workshopId={workshopId} initial={initial} />;
}

function KioskView({ workshopId, initial }: { workshopId: string; initial: StoredKiosk }) {
  const { t, i18n } = useTranslation();
  const credentials = useMemo<SocketCredentials>(() => ({ role: 'kiosk', token: initial.token, workshopId }), [initial.token, workshopId]);
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const feed = useVoteFeed(socket);
  const context = useKioskContext(socket);
  const [kiosk, setKiosk] = useState<StoredKiosk>(initial);
  const voterId = kiosk.session.voterId;

  useEffect(() => saveKiosk(workshopId, kiosk), [workshopId, kiosk]);

  const handleAck = useCallback((mine: MyVotes) => {
    setKiosk((current) =>
      mine.voterId && mine.voterId === current.session.voterId ? { ...current, session: { ...current.session, mine: mine.gommettes } } : current,
    );
  }, []);
  const outbox = useVoteOutbox(`kiosk:${workshopId}`, socket, handleAck);

  const handleNext = () => {
    const id = nanoid();
    outbox.nextVoter(id);
    setKiosk((current) => ({ ...current, session: nextKioskVoter(current.session, id), done: false }));
  };

  if (connection.refusal) return <StaffRefusal code={connection.refusal} />;
  const round = feed.round;
  const open = round?.status === 'open';
  const mine = round && voterId ? effectiveGommettes(kiosk.session.mine, outbox.pending, round.id, voterId) : [];
  const pendingCount = outbox.pending.filter((op) => op.kind !== 'voter').length;

  let body;
  if (!feed.round && connection.state !== 'online') body = <LoadingScreen />;
  else if (!round || !open) {
    body = (
      <div className="kiosk__welcome">
        {context && <KioskIntro context={context} />}
        <p className="kiosk__message" data-testid="kiosk-waiting">
          {round ? t('vote.closed') : t('vote.kioskWaiting')}
        </p>
      </div>
    );
  } else if (voterId === null) {
    body = (
      <div className="kiosk__welcome">
        {context && <KioskIntro context={context} />}
        <p className="kiosk__message">{t('vote.kioskWelcome')}</p>
        <button type="button" className="button button--primary button--huge" onClick={handleNext} data-testid="kiosk-start">
          {t('vote.kioskStart')}
        </button>
      </div>
    );
  } else if (kiosk.done) {
    body = (
      <div className="kiosk__welcome" data-testid="kiosk-thanks">
        <p className="kiosk__message">{t('vote.kioskThanks')}</p>
        <p className="hint">{t('vote.kioskNextHint')}</p>
        <ReadAloudButton segments={[{ text: `${t('vote.kioskThanks')} ${t('vote.kioskNextHint')}`, lang: i18n.language }]} />
        <button type="button" className="button button--primary button--huge" onClick={handleNext} data-testid="kiosk-next">
          {t('vote.kioskNext')}
        </button>
      </div>
    );
  } else {
    body = (
      <>
        <VoteCards
          headingAction={<BallotReadAloud round={round} />}
          round={round}
          clockOffsetMs={context?.clockOffsetMs ?? 0}
          mine={mine}
          ownIdeaIds={new Set()}
          pendingCount={pendingCount}
          onStick={(ideaId) => outbox.stick(round.id, ideaId, voterId)}
          onTakeBack={(gommetteId) => outbox.takeBack(round.id, gommetteId, voterId)}
        />
        {outbox.refusal && <AlertText testId="vote-refusal">{errorMessage(t, outbox.refusal)}</AlertText>}
        <button
          type="button"
          className="button button--secondary button--huge"
          onClick={() => setKiosk((current) => ({ ...current, done: true }))}
          data-testid="kiosk-done"
        >
          {t('vote.kioskDone')}
        </button>
      </>
    );
  }

  return (
    <main className="phone kiosk">
      <header className="phone__header">
        <h1 className="brand kiosk__title">
          <span className="brand__dot" aria-hidden="true" />
          {t('vote.heading')}
        </h1>
        <ConnectionBadge state={connection.state} audience="staff" />
      </header>
      {/* Each voter chooses their language: before voting, and on the "au suivant" screen. */}
      {(voterId === null || kiosk.done) && <LanguageSwitcher />}
      {body}
      <p className="hint" data-testid="kiosk-served">
        {t('vote.kioskPerson', { count: kiosk.session.served + (voterId !== null && kiosk.done ? 1 : 0) })}
      </p>
    </main>
  );
}

/** The start screen's context: the site, the question and what the answers are for. */
function KioskIntro({ context }: { context: KioskContext }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kiosk__intro" data-testid="kiosk-intro">
      {context.site && (
        <p className="kiosk__site" data-testid="kiosk-site">
          {t('vote.kioskSite', { site: context.site.name })}
        </p>
      )}
      <h2 className="kiosk__question" data-testid="kiosk-question">
        <span className="visually-hidden">{t('vote.kioskQuestion')} : </span>
        <bdi dir="auto">{context.workshop.question}</bdi>
      </h2>
      <PurposeBlock purpose={context.workshop.purpose} testId="kiosk-purpose" />
      <ReadAloudButton
        compact
        segments={[
          { text: `${t('vote.kioskWelcome')} ${t('vote.kioskQuestion')} :`, lang: i18n.language },
          writtenSegment(context.workshop.question),
          { text: t('purpose.heading'), lang: i18n.language },
          writtenSegment(purposeCompletion(context.workshop.purpose)),
        ]}
      />
    </div>
  );
}
