import { IdCard, MapPin, Rocket, Smile } from 'lucide-react';
import {
  countChars,
  MAX_NICKNAME_CHARS,
  normalizeText,
  purposeCompletion,
  suggestPseudonym,
  type JoinInfo,
  type JoinResponse,
  type Mood,
} from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { errorCodeOf } from '../api/errors';
import { joinSite } from '../api/participants';
import { earlierCardCodes } from '../storage/participantStore';
import { ReadAloudButton } from '../run/ReadAloudButton';
import { PhonePurpose } from './PhonePurpose';
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
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const show = useWorkshopText(info.translations);
  const purposeShown = show(info.workshop.purpose);
  const [mood, setMood] = useState<Mood | null>(null);
  // The suggested pseudonym is in the page's language, and follows it until the person types one.
  const [typed, setTyped] = useState<{ nickname: string; language: string } | null>(null);
  const [suggested, setSuggested] = useState(() => ({ nickname: suggestPseudonym(language), language }));
  if (typed === null && suggested.language !== language) setSuggested({ nickname: suggestPseudonym(language), language });
  const nickname = typed?.nickname ?? suggested.nickname;
  const setNickname = (value: string) => setTyped({ nickname: value, language });
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
    return (
      <>
        <header className="phone__header">
          <LanguageSwitcher />
        </header>
        <ResumeForm onResumed={onJoined} onCancel={() => setResuming(false)} />
      </>
    );
  }

  return (
    <>
      <header className="phone__header">
        <LanguageSwitcher />
      </header>
      <form className="stack join-form" onSubmit={handleSubmit} noValidate>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <div className="join-form__intro">
          {/* What the page says, read in each text's own language: the question and the purpose first. */}
          <div className="read-row">
            <p className="join-form__welcome">
              <Smile aria-hidden="true" className="icon" />
              {t('join.welcome')}
            </p>
            <ReadAloudButton
              compact
              segments={[
                { text: t('join.welcome'), lang: language },
                show(info.workshop.question),
                { text: t('purpose.heading'), lang: language },
                { ...purposeShown, text: purposeCompletion(purposeShown.text) },
                { text: `${t('join.moodHeading')} ${t('join.moodHint')}`, lang: language },
              ]}
            />
          </div>
          <p className="phone__site">
            <MapPin aria-hidden="true" className="icon" />
            {t('join.site', { site: `\u2068${info.site.name}\u2069` })}
          </p>
          <WrittenText as="h1" className="phone__title" shown={show(info.workshop.title)} />
        </div>
        <WrittenText as="p" className="phone__question" testId="question" shown={show(info.workshop.question)} />
        <PhonePurpose purpose={info.workshop.purpose} translations={info.translations} lines={2} />
        <MoodPicker value={mood} onChange={handleMood} />
        <NicknameField value={nickname} onChange={setNickname} onAnother={() => setTyped({ nickname: suggestPseudonym(language), language })} />
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
    </>
  );
}
