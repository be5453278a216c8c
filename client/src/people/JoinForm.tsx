import { IdCard, MapPin, Rocket, Smile } from 'lucide-react';
import { countChars, MAX_NICKNAME_CHARS, normalizeText, suggestPseudonym, type JoinInfo, type JoinResponse, type Mood } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorCodeOf } from '../api/errors';
import { joinSite } from '../api/participants';
import { earlierCardCodes } from '../storage/participantStore';
import { PurposeBlock } from '../components/PurposeBlock';
import { WrittenText } from '../components/WrittenText';
import { useWorkshopText } from '../i18n/workshopText';
import { joinErrorMessage } from './joinErrors';
import { MoodPicker } from './MoodPicker';
import { NicknameField } from './NicknameField';
import { ResumeForm } from './ResumeForm';

interface JoinFormProps {
  info: JoinInfo;
  /** A message to show first (e.g. the previous session was closed). */
  notice: string | null;
  onJoined: (response: JoinResponse) => void;
}

/** Arrival: what the workshop is for, then the météo and a pseudonym, then "C'est parti !". */
export function JoinForm({ info, notice, onJoined }: JoinFormProps) {
  const { t } = useTranslation();
  const show = useWorkshopText(info.translations);
  const [mood, setMood] = useState<Mood | null>(null);
  const [nickname, setNickname] = useState(() => suggestPseudonym());
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [resuming, setResuming] = useState(false);

  const handleMood = (chosen: Mood) => {
    setMood(chosen);
    setError(null);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mood) {
      setError(t('join.moodRequired'));
      return;
    }
    const cleanNickname = normalizeText(nickname);
    if (countChars(cleanNickname) > MAX_NICKNAME_CHARS) {
      setError(t('errors.too_large'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const earlierCards = earlierCardCodes(info.site.joinCode);
      const response = await joinSite(info.site.joinCode, {
        mood,
        ...(cleanNickname ? { nickname: cleanNickname } : {}),
        ...(earlierCards.length > 0 ? { earlierCards } : {}),
      });
      onJoined(response);
    } catch (failure) {
      setError(joinErrorMessage(t, errorCodeOf(failure)));
      setSubmitting(false);
    }
  };

  if (resuming) {
    return <ResumeForm onResumed={onJoined} onCancel={() => setResuming(false)} />;
  }

  return (
    <form className="stack join-form" onSubmit={handleSubmit} noValidate>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="join-form__welcome">
        <Smile aria-hidden="true" className="icon" />
        {t('join.welcome')}
      </p>
      <WrittenText as="h1" className="phone__title" shown={show(info.workshop.title)} />
      <p className="phone__site">
        <MapPin aria-hidden="true" className="icon" />
        {t('join.site', { site: `\u2068${info.site.name}\u2069` })}
      </p>
      <WrittenText as="p" className="phone__question" testId="question" shown={show(info.workshop.question)} />
      <PurposeBlock purpose={info.workshop.purpose} testId="purpose" translations={info.translations} />
      <MoodPicker value={mood} onChange={handleMood} />
      <NicknameField value={nickname} onChange={setNickname} />
      {error && <AlertText testId="error">{error}</AlertText>}
      <button type="submit" className="button button--primary button--huge" disabled={submitting} data-testid="join-submit">
        <Rocket aria-hidden="true" className="icon" />
        {submitting ? t('join.submitting') : t('join.submit')}
      </button>
      <button type="button" className="button button--link" onClick={() => setResuming(true)} data-testid="resume-link">
        <IdCard aria-hidden="true" className="icon" />
        {t('join.resumeLink')}
      </button>
    </form>
  );
}
