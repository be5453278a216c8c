import { Angry, Frown, HandHeart, Laugh, Meh, Send, Smile, type LucideIcon } from 'lucide-react';
import { AGE_BANDS, GENDERS, SCALE, type AgeBand, type Gender, type Questionnaire, type ScaleValue, type Translations } from '@gommette/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { useCommand } from '../socket/command';
import { WrittenText } from '../components/WrittenText';
import { useWorkshopText } from '../i18n/workshopText';
import type { GommetteSocket } from '../socket/createSocket';
import { writtenSegment } from '../people/writtenText';
import { ReadAloudButton } from '../run/ReadAloudButton';

const FACES: Record<ScaleValue, LucideIcon> = { 1: Angry, 2: Frown, 3: Meh, 4: Smile, 5: Laugh };

function Face({ value }: { value: ScaleValue }) {
  const Icon = FACES[value];
  return <Icon aria-hidden="true" />;
}

interface QuestionnaireFormProps {
  socket: GommetteSocket | null;
  questionnaire: Questionnaire;
  /** The facilitator's versions of the statements. */
  translations?: Partial<Translations> | undefined;
  answered: boolean;
  onAnswered: () => void;
}

/** The closing questionnaire: faces (with words for screen readers), an optional text, optional figures. */
export function QuestionnaireForm({ socket, questionnaire, translations, answered, onAnswered }: QuestionnaireFormProps) {
  const { t, i18n } = useTranslation();
  const show = useWorkshopText(translations);
  const id = useId();
  const [scale, setScale] = useState<Record<string, ScaleValue>>({});
  const [learned, setLearned] = useState('');
  const [ageBand, setAgeBand] = useState<AgeBand | null>(null);
  const [gender, setGender] = useState<Gender | null>(null);
  const [firstTime, setFirstTime] = useState<boolean | null>(null);
  const { busy: sending, error, send } = useCommand(socket);

  if (answered) {
    return (
      <p className="phone-activity phone-activity--questionnaire" role="status" data-testid="questionnaire-thanks">
        <span className="phone-activity__icon" aria-hidden="true">
          <HandHeart />
        </span>
        {t('questionnaire.thanks')}
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const payload = { scale, learned: learned.trim() === '' ? null : learned, ageBand, gender, firstTime };
    send('questionnaire:answer', payload, () => onAnswered());
  };

  return (
    <form className="questionnaire stack" onSubmit={submit} data-testid="questionnaire">
      <div className="read-row">
        <h2>{t('questionnaire.heading')}</h2>
        <ReadAloudButton
          compact
          segments={[
            { text: `${t('questionnaire.heading')}. ${t('questionnaire.intro')}`, lang: i18n.language },
            ...questionnaire.questions.map((question) => writtenSegment(question.text)),
          ]}
        />
      </div>
      <p className="hint">{t('questionnaire.intro')}</p>
      {questionnaire.questions.map((question) => (
        <fieldset key={question.id} className="questionnaire__question">
          <WrittenText as="legend" className="field-label" shown={show(question.text)} />
          <div className="questionnaire__faces">
            {SCALE.map((value) => (
              <button
                key={value}
                type="button"
                className="questionnaire__face"
                aria-pressed={scale[question.id] === value}
                aria-label={t(`questionnaire.scale${value}`)}
                title={t(`questionnaire.scale${value}`)}
                onClick={() => setScale((current) => ({ ...current, [question.id]: value }))}
                data-testid={`face-${question.id}-${value}`}
              >
                <Face value={value} />
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {questionnaire.askLearned && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-learned`}>
            {t('questionnaire.learned')}
          </label>
          <p className="hint">{t('questionnaire.learnedHint')}</p>
          <textarea
            id={`${id}-learned`}
            className="input input--multiline"
            rows={3}
            maxLength={600}
            value={learned}
            onChange={(event) => setLearned(event.target.value)}
            data-testid="questionnaire-learned"
          />
        </div>
      )}
      {questionnaire.askFigures && (
        <fieldset className="questionnaire__figures">
          <legend className="field-label">{t('questionnaire.figuresHeading')}</legend>
          <p className="hint">{t('questionnaire.figuresHint')}</p>
          <label className="field-label" htmlFor={`${id}-age`}>
            {t('questionnaire.age')}
          </label>
          <select
            id={`${id}-age`}
            className="input"
            value={ageBand ?? ''}
            onChange={(event) => setAgeBand(event.target.value === '' ? null : (event.target.value as AgeBand))}
            data-testid="questionnaire-age"
          >
            <option value="">{t('questionnaire.skip')}</option>
            {AGE_BANDS.map((band) => (
              <option key={band} value={band}>
                {t(`questionnaire.ages.${band}`)}
              </option>
            ))}
          </select>
          <label className="field-label" htmlFor={`${id}-gender`}>
            {t('questionnaire.gender')}
          </label>
          <select
            id={`${id}-gender`}
            className="input"
            value={gender ?? ''}
            onChange={(event) => setGender(event.target.value === '' ? null : (event.target.value as Gender))}
            data-testid="questionnaire-gender"
          >
            <option value="">{t('questionnaire.skip')}</option>
            {GENDERS.map((value) => (
              <option key={value} value={value}>
                {t(`questionnaire.genders.${value}`)}
              </option>
            ))}
          </select>
          <p className="field-label">{t('questionnaire.firstTime')}</p>
          <div className="questionnaire__choices">
            {([true, false] as const).map((value) => (
              <button
                key={String(value)}
                type="button"
                className="button button--secondary"
                aria-pressed={firstTime === value}
                onClick={() => setFirstTime(firstTime === value ? null : value)}
              >
                {value ? t('questionnaire.yes') : t('questionnaire.no')}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
      <button type="submit" className="button button--primary button--huge" disabled={sending} data-testid="questionnaire-submit">
        <Send aria-hidden="true" className="icon" />
        {sending ? t('questionnaire.sending') : t('questionnaire.submit')}
      </button>
    </form>
  );
}
