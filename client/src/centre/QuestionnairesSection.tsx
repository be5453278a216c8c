import type { QuestionnaireTemplateView } from '@gommette/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { TextField } from '../components/TextField';
import { essaimageApi } from './essaimageApi';
import { useCentreAction } from './useCentreAction';
import { useLoad } from './useLoad';

/** Questions typed one per line become the questionnaire's questions (ids q1, q2…). */
function questionsFrom(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, index) => ({ id: `q${index + 1}`, text: line }));
}

/** The centre's closing questionnaires: save one, share it, copy another centre's. */
export function QuestionnairesSection({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => essaimageApi.questionnaires(centreId), [centreId]);
  const { result, reload } = useLoad(load);
  const [name, setName] = useState('');
  const [questions, setQuestions] = useState('');
  const [askLearned, setAskLearned] = useState(true);
  const [askFigures, setAskFigures] = useState(true);
  const [shared, setShared] = useState(false);
  const { message, error, run } = useCentreAction(reload);

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      () => essaimageApi.saveQuestionnaire(centreId, { name, questionnaire: { questions: questionsFrom(questions), askLearned, askFigures }, shared }),
      t('centre.essaimage.saved'),
    );
    setName('');
    setQuestions('');
  };

  if (result.state === 'loading') return <p className="hint">{t('app.loading')}</p>;
  if (result.state === 'error') return <AlertText>{errorMessage(t, result.code)}</AlertText>;
  const of = (scope: QuestionnaireTemplateView['scope']) => result.data.filter((template) => template.scope === scope);
  const questionList = (template: QuestionnaireTemplateView) => (
    <ul className="hint">
      {template.questionnaire.questions.map((question) => (
        <li key={question.id}>{question.text}</li>
      ))}
    </ul>
  );

  return (
    <section className="centre-card stack" aria-labelledby="questionnaire-templates" data-testid="questionnaire-templates">
      <h2 id="questionnaire-templates">{t('centre.essaimage.questionnairesHeading')}</h2>
      {error && <AlertText>{error}</AlertText>}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {of('centre').length === 0 && <p className="hint">{t('centre.essaimage.questionnairesNone')}</p>}
      <ul className="centre-list" data-testid="own-questionnaires">
        {[...of('builtIn'), ...of('centre')].map((template) => (
          <li key={template.id}>
            <strong>{template.name}</strong> <span className="hint">{t('centre.essaimage.questions', { count: template.questionnaire.questions.length })}</span>
            {questionList(template)}
            {template.scope === 'centre' && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={template.shared}
                  onChange={(event) => void run(() => essaimageApi.shareQuestionnaire(centreId, template.id, event.target.checked))}
                />
                {t('centre.essaimage.shareIt')}
              </label>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('centre.essaimage.questionnairesShared')}</h3>
      <ul className="centre-list" data-testid="shared-questionnaires">
        {of('shared').map((template) => (
          <li key={template.id}>
            <strong>{template.name}</strong> <span className="hint">{t('centre.templates.from', { centre: template.centreName })}</span>
            {questionList(template)}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void run(() => essaimageApi.copyQuestionnaire(centreId, template.id), t('centre.templates.copied'))}
            >
              {t('centre.templates.copy')}
            </button>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={handleSave}>
        <h3>{t('centre.essaimage.newQuestionnaire')}</h3>
        <TextField label={t('centre.essaimage.questionnaireName')} name="questionnaire-name" value={name} onChange={setName} testId="questionnaire-name" />
        <TextField
          label={t('centre.essaimage.questionnaireQuestions')}
          name="questionnaire-questions"
          value={questions}
          onChange={setQuestions}
          testId="questionnaire-questions"
          multiline
        />
        <label className="checkbox">
          <input type="checkbox" checked={askLearned} onChange={(event) => setAskLearned(event.target.checked)} />
          {t('centre.essaimage.askLearned')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={askFigures} onChange={(event) => setAskFigures(event.target.checked)} />
          {t('centre.essaimage.askFigures')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
          {t('centre.essaimage.shareIt')}
        </label>
        <button type="submit" className="button button--primary" data-testid="save-questionnaire">
          {t('centre.essaimage.save')}
        </button>
      </form>
    </section>
  );
}
