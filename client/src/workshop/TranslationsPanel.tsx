import { TRANSLATION_LANGUAGES, pickText, type RoomView, type TranslationLanguage, type WorkshopSummary } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { useBuiltInTexts } from '../i18n/workshopText';
import { sendCommand } from '../socket/command';
import type { GommetteSocket } from '../socket/createSocket';

interface TranslationsPanelProps {
  socket: GommetteSocket | null;
  workshop: Pick<WorkshopSummary, 'title' | 'question' | 'purpose'>;
  room: RoomView;
  onRoom: (room: RoomView) => void;
}

type Kind = 'title' | 'question' | 'purpose' | 'stepTitle' | 'instruction' | 'statement';

/** The texts residents read that the facilitator wrote, once each, in the order phones show them. */
function textsOf(workshop: TranslationsPanelProps['workshop'], room: RoomView): Array<{ kind: Kind; text: string; step?: number }> {
  const all: Array<{ kind: Kind; text: string; step?: number }> = [
    { kind: 'title', text: workshop.title },
    { kind: 'question', text: workshop.question },
    { kind: 'purpose', text: workshop.purpose },
    ...room.phases.flatMap((phase, index) => [
      { kind: 'stepTitle' as const, text: phase.title, step: index + 1 },
      { kind: 'instruction' as const, text: phase.instruction ?? '', step: index + 1 },
    ]),
    ...(room.phases.some((phase) => phase.activity === 'questionnaire')
      ? room.questionnaire.questions.map((question) => ({ kind: 'statement' as const, text: question.text }))
      : []),
  ];
  const seen = new Set<string>();
  return all.filter((item) => item.text !== '' && !seen.has(item.text) && seen.add(item.text));
}

const DIR: Record<TranslationLanguage, 'ltr' | 'rtl'> = { en: 'ltr', ar: 'rtl' };

/**
 * The English and Arabic versions of what the facilitator wrote: a phone in that language shows
 * them instead of the French. Built-in texts (a method's steps, the usual questionnaire) already
 * have theirs, shown as placeholders; a version typed here wins.
 */
export function TranslationsPanel({ socket, workshop, room, onRoom }: TranslationsPanelProps) {
  const { t } = useTranslation();
  const builtIn = { en: useBuiltInTexts('en'), ar: useBuiltInTexts('ar') };
  const texts = textsOf(workshop, room);
  return (
    <details className="console-panel translations-panel" data-testid="translations-panel">
      <summary>
        <h2 className="translations-panel__heading">{t('translations.heading')}</h2>
      </summary>
      <p className="hint">{t('translations.intro')}</p>
      {texts.map((item) => (
        <TranslationForm
          key={item.text}
          socket={socket}
          source={item.text}
          label={item.step === undefined ? t(`translations.kind.${item.kind}`) : t(`translations.kind.${item.kind}`, { step: item.step })}
          saved={room.translations}
          placeholders={{ en: pickText(item.text, 'en', null, builtIn.en), ar: pickText(item.text, 'ar', null, builtIn.ar) }}
          onRoom={onRoom}
        />
      ))}
    </details>
  );
}

interface TranslationFormProps {
  socket: GommetteSocket | null;
  source: string;
  label: string;
  saved: RoomView['translations'];
  placeholders: Record<TranslationLanguage, { text: string; lang: string }>;
  onRoom: (room: RoomView) => void;
}

function TranslationForm({ socket, source, label, saved, placeholders, onRoom }: TranslationFormProps) {
  const { t } = useTranslation();
  const stored = (lang: TranslationLanguage) => (Object.hasOwn(saved[lang], source) ? saved[lang][source]! : '');
  const [drafts, setDrafts] = useState<Record<TranslationLanguage, string>>(() => ({ en: stored('en'), ar: stored('ar') }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const multiline = source.length > 60 || source.includes('\n');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      for (const lang of TRANSLATION_LANGUAGES) {
        if (drafts[lang].trim() === stored(lang)) continue;
        onRoom(await sendCommand(socket, 'room:translate', { source, lang, text: drafts[lang] }));
      }
      setDone(true);
    } catch (failure) {
      setError(errorCodeOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="translations-panel__text stack" onSubmit={(event) => void submit(event)} data-testid="translation-form">
      <p className="translations-panel__original">
        <span className="field-label">{label}</span>{' '}
        <bdi lang="fr" dir="auto" data-testid="translation-source">
          {source}
        </bdi>
      </p>
      {TRANSLATION_LANGUAGES.map((lang) => {
        const Field = multiline ? 'textarea' : 'input';
        const placeholder = placeholders[lang].lang === lang ? placeholders[lang].text : undefined;
        return (
          <label key={lang} className="field">
            <span className="field-label">{t(`translations.language.${lang}`)}</span>
            <Field
              className="input"
              lang={lang}
              dir={DIR[lang]}
              value={drafts[lang]}
              placeholder={placeholder}
              rows={multiline ? 3 : undefined}
              onChange={(event: { target: { value: string } }) => {
                const value = event.target.value;
                setDone(false);
                setDrafts((current) => ({ ...current, [lang]: value }));
              }}
              data-testid={`translation-${lang}`}
            />
          </label>
        );
      })}
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
      <button type="submit" className="button button--secondary" disabled={busy || !socket} data-testid="translation-save">
        {t('translations.save')}
      </button>
      {done && (
        <p className="hint" role="status">
          {t('translations.saved')}
        </p>
      )}
    </form>
  );
}
