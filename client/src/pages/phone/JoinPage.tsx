import { normalizeJoinCode, type JoinResponse } from '@gommette/shared';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ErrorPanel } from '../../components/ErrorPanel';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { LoadingScreen } from '../../components/LoadingScreen';
import { forgetParticipant, loadParticipant, saveParticipant } from '../../storage/participantStore';
import { EnterCodePage } from './EnterCodePage';
import { JoinForm } from '../../people/JoinForm';
import { joinErrorMessage } from '../../people/joinErrors';
import { ParticipantScreen } from './ParticipantScreen';
import { PhoneFooter } from './PhoneFooter';
import { useJoinInfo } from '../../people/useJoinInfo';
import '../../styles/phone.css';
import { lazyWithWords } from '../../i18n/lazyWithWords';

// Once the workshop is over, the same link opens its follow-up page (a light lazy chunk).
const FollowUpPage = lazyWithWords(['retour'], () => import('../../retour/FollowUpPage').then((module) => module.default));

interface JoinPageProps {
  /** As it appears in the URL; normalised here. */
  joinCode: string;
}

/** `/j/:joinCode`: the resident's page. Mount with `key={joinCode}`. */
export function JoinPage({ joinCode }: JoinPageProps) {
  const code = normalizeJoinCode(joinCode);
  if (!code) return <EnterCodePage unknownCode />;
  return <JoinFlow joinCode={code} />;
}

function JoinFlow({ joinCode }: { joinCode: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const joinInfo = useJoinInfo(joinCode);
  const [participant, setParticipant] = useState<JoinResponse | null>(() => loadParticipant(joinCode));
  const [notice, setNotice] = useState<string | null>(null);
  const workshopGone = joinInfo.error === 'not_found';

  useEffect(() => {
    // The workshop no longer exists: this phone's seat in it is worthless.
    if (workshopGone) forgetParticipant(joinCode);
  }, [workshopGone, joinCode]);

  const handleJoined = useCallback(
    (response: JoinResponse) => {
      saveParticipant(response);
      if (response.joinCode !== joinCode) {
        // A card from another site or workshop: continue where that card belongs.
        navigate(`/j/${response.joinCode}`);
        return;
      }
      setNotice(null);
      setParticipant(response);
    },
    [joinCode, navigate],
  );

  const handleSessionEnded = useCallback(() => {
    forgetParticipant(joinCode);
    setParticipant(null);
    setNotice(t('join.sessionEnded'));
  }, [joinCode, t]);

  if (workshopGone) return <EnterCodePage unknownCode />;

  if (joinInfo.info?.finished) {
    return (
      <Suspense fallback={<LoadingScreen />}>
        <FollowUpPage joinCode={joinCode} participantToken={participant?.participantToken ?? null} />
      </Suspense>
    );
  }

  if (participant) {
    return <ParticipantScreen key={participant.participantToken} participant={participant} info={joinInfo.info} onSessionEnded={handleSessionEnded} />;
  }

  if (joinInfo.info) {
    return (
      <main className="phone">
        <JoinForm info={joinInfo.info} notice={notice} onJoined={handleJoined} />
        <PhoneFooter languages={false} />
      </main>
    );
  }

  if (joinInfo.loading) return <LoadingScreen label={t('join.loading')} />;

  return (
    <main className="phone">
      <header className="phone__header">
        <LanguageSwitcher />
      </header>
      <ErrorPanel message={joinErrorMessage(t, joinInfo.error ?? 'internal')} onRetry={joinInfo.retry} />
    </main>
  );
}
