import { HandHeart } from 'lucide-react';
import { formatNumber, AGE_BANDS, GENDERS, type QuestionnaireResults, type SuppressedCount } from '@gommette/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { fetchQuestionnaireResults } from '../api/workshops';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';

interface QuestionnairePanelProps {
  socket: GommetteSocket | null;
  workshopId: string;
  token: string;
}

/** The closing questionnaire, as counts and averages only; refreshed when someone answers. */
export function QuestionnairePanel({ socket, workshopId, token }: QuestionnairePanelProps) {
  const { t, i18n } = useTranslation();
  const [results, setResults] = useState<QuestionnaireResults | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [signal, setSignal] = useState(0);

  useEffect(() => {
    if (!socket) return undefined;
    const bump = () => setSignal((value) => value + 1);
    socket.on('questionnaire:changed', bump);
    return () => {
      socket.off('questionnaire:changed', bump);
    };
  }, [socket]);

  useEffect(() => {
    const controller = new AbortController();
    fetchQuestionnaireResults(workshopId, token, controller.signal).then(
      (next) => {
        setResults(next);
        setError(null);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(errorCodeOf(failure));
      },
    );
    return () => controller.abort();
  }, [workshopId, token, signal]);

  const count = (value: SuppressedCount) => (value === null ? t('questionnaire.suppressed') : String(value));

  return (
    <section className="console-panel questionnaire-panel" aria-labelledby="questionnaire-heading" data-testid="questionnaire-panel">
      <h2 id="questionnaire-heading">
        <HandHeart aria-hidden="true" className="icon" />
        {t('questionnaire.resultsHeading')}{' '}
        {results && <span data-testid="questionnaire-responses">({t('questionnaire.responses', { count: results.responses })})</span>}
      </h2>
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
      {results && (
        <>
          <ul className="questionnaire-panel__questions">
            {results.questions.map((question) => (
              <li key={question.id}>
                <bdi>{question.text}</bdi>{' '}
                <strong>
                  {question.average === null
                    ? t('questionnaire.noAnswer')
                    : t('questionnaire.average', { value: formatNumber(question.average, i18n.language) })}
                </strong>
              </li>
            ))}
          </ul>
          {results.learned.length > 0 && (
            <>
              <h3>{t('questionnaire.learnedHeading')}</h3>
              <ul className="questionnaire-panel__learned">
                {results.learned.map((text, index) => (
                  <li key={`${index}-${text}`}>{text}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('questionnaire.figuresHeading')}</h3>
          <dl className="questionnaire-panel__figures">
            {AGE_BANDS.filter((band) => results.ageBands[band] !== 0).map((band) => (
              <div key={band}>
                <dt>{t(`questionnaire.ages.${band}`)}</dt>
                <dd>{count(results.ageBands[band])}</dd>
              </div>
            ))}
            {GENDERS.filter((gender) => results.genders[gender] !== 0).map((gender) => (
              <div key={gender}>
                <dt>{t(`questionnaire.genders.${gender}`)}</dt>
                <dd>{count(results.genders[gender])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
