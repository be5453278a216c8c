import { BUILT_IN_QUESTIONNAIRE_ID, type CentreSpace } from '@gommette/shared';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { TextField } from '../components/TextField';
import { centreApi } from './api';
import { essaimageApi } from './essaimageApi';
import { refusalMessage } from './refusal';
import { useLoad } from './useLoad';

/** A workshop of the centre, from one of its methods (its own, a shared one or a built-in one). */
export function NewWorkshopForm({ space, onCreated }: { space: CentreSpace; onCreated: () => void }) {
  const { t } = useTranslation();
  const centreId = space.centre.id;
  const loadTemplates = useCallback(() => centreApi.templates(centreId), [centreId]);
  const { result: templates } = useLoad(loadTemplates);
  const loadQuestionnaires = useCallback(() => essaimageApi.questionnaires(centreId), [centreId]);
  const { result: questionnaires } = useLoad(loadQuestionnaires);
  const [questionnaireId, setQuestionnaireId] = useState(BUILT_IN_QUESTIONNAIRE_ID);
  const questionnaireFieldId = useId();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [purpose, setPurpose] = useState('');
  const [sites, setSites] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [seriesId, setSeriesId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const methodId = useId();
  const seriesFieldId = useId();

  const handleSeries = (id: string) => {
    setSeriesId(id);
    const series = space.series.find((item) => item.id === id);
    if (series && question.trim() === '') setQuestion(series.question);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCreated(null);
    const template = templates.state === 'ready' ? templates.data.find((item) => item.id === templateId) : undefined;
    const siteNames = sites
      .split(/[,،]/)
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    try {
      await centreApi.createWorkshop(centreId, {
        title,
        question,
        purpose,
        sites: (siteNames.length > 0 ? siteNames : [space.centre.name]).map((name) => ({ name })),
        phases: template?.phases ?? [],
        seriesId: seriesId || null,
        questionnaireTemplateId: questionnaireId,
      });
      setCreated(t('centre.workshops.created', { title: title.trim() }));
      setTitle('');
      onCreated();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  return (
    <form className="centre-card stack" onSubmit={handleSubmit} data-testid="new-workshop-form">
      <h2>{t('centre.workshops.newHeading')}</h2>
      <div className="field">
        <label className="field-label" htmlFor={seriesFieldId}>
          {t('centre.workshops.series')}
        </label>
        <select id={seriesFieldId} className="input" value={seriesId} onChange={(event) => handleSeries(event.target.value)} data-testid="workshop-series">
          <option value="">{t('centre.workshops.noSeries')}</option>
          {space.series.map((series) => (
            <option key={series.id} value={series.id}>
              {series.title}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t('centre.workshops.title')} name="workshop-title" value={title} onChange={setTitle} testId="workshop-title" />
      <TextField label={t('centre.workshops.question')} name="workshop-question" value={question} onChange={setQuestion} testId="workshop-question" multiline />
      <TextField label={t('centre.workshops.purpose')} name="workshop-purpose" value={purpose} onChange={setPurpose} testId="workshop-purpose" multiline />
      <TextField label={t('centre.workshops.sites')} name="workshop-sites" value={sites} onChange={setSites} testId="workshop-sites" />
      <div className="field">
        <label className="field-label" htmlFor={methodId}>
          {t('centre.workshops.method')}
        </label>
        <select id={methodId} className="input" value={templateId} onChange={(event) => setTemplateId(event.target.value)} data-testid="workshop-method">
          <option value="">{t('centre.workshops.free')}</option>
          {templates.state === 'ready' &&
            templates.data.map((template) => (
              <option key={template.id} value={template.id}>
                {template.centreName && template.scope !== 'builtIn' ? `${template.name} — ${template.centreName}` : template.name}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={questionnaireFieldId}>
          {t('centre.essaimage.workshopQuestionnaire')}
        </label>
        <select
          id={questionnaireFieldId}
          className="input"
          value={questionnaireId}
          onChange={(event) => setQuestionnaireId(event.target.value)}
          data-testid="workshop-questionnaire"
        >
          {questionnaires.state === 'ready' &&
            questionnaires.data
              .filter((template) => template.scope !== 'shared')
              .map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
        </select>
      </div>
      {error && <AlertText>{error}</AlertText>}
      {created && (
        <p className="notice" role="status" data-testid="workshop-created">
          {created}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="create-workshop">
        {t('centre.workshops.create')}
      </button>
    </form>
  );
}
