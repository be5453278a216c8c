import { formatNumber, type ShownCount } from '@gommette/shared';
import { useTranslation } from 'react-i18next';

export interface QuestionAverage {
  text: string;
  average: number | null;
  /** The territory shows a small count as "< 5". */
  answers: ShownCount;
}

/** Each questionnaire statement with its average answer (or "no answer") and how many answered: a centre's and the territory's. */
export function QuestionAverages({ questions, testId }: { questions: ReadonlyArray<QuestionAverage>; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="centre-list" data-testid={testId}>
      {questions.map((question) => (
        <li key={question.text}>
          {question.text} :{' '}
          <strong>
            {question.average === null
              ? t('centre.essaimage.noAnswer')
              : t('centre.essaimage.average', { value: formatNumber(question.average, i18n.language) })}
          </strong>{' '}
          <span className="hint">({t('centre.essaimage.answers', { count: question.answers })})</span>
        </li>
      ))}
    </ul>
  );
}
