import { Sparkles, TriangleAlert } from 'lucide-react';
import { BUILT_IN_TEMPLATES, type CreateWorkshopResponse, type MethodTemplate } from '@gommette/shared';
import { nanoid } from 'nanoid';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { createWorkshop, fetchTemplates } from '../api/workshops';
import { errorMessage } from '../components/errorMessage';
import { TextField } from '../components/TextField';
import { checkDraftMethod, chooseTemplate, initialMethod, phaseMinutes, totalMinutes, type DraftMethod } from './draftMethod';
import { MethodCards, type TimelineStep } from './MethodCards';
import { MethodTimeline, type OpenStep } from './MethodTimeline';
import { formatDuration, methodName } from './methodWords';
import { problemMessage } from './problemMessage';
import { SiteFields } from './SiteFields';
import { validateDraft, type DraftProblems, type DraftSite } from './validateDraft';

interface WorkshopFormProps {
  onCreated: (workshop: CreateWorkshopResponse) => void;
}

const NO_PROBLEMS: DraftProblems = { fields: {}, sites: {} };

function serverErrorMessage(t: Parameters<typeof errorMessage>[0], code: ClientErrorCode): string {
  if (code === 'bad_request') return t('home.serverRefused');
  if (code === 'rate_limited') return t('home.rateLimited');
  return errorMessage(t, code);
}

/**
 * Everything a workshop needs to start, short path first: title, question, what it is for, its
 * places and a method (cards); then, optional, the method's steps one by one.
 */
export function WorkshopForm({ onCreated }: WorkshopFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [purpose, setPurpose] = useState('');
  const [sites, setSites] = useState<DraftSite[]>(() => [{ key: nanoid(8), name: t('home.siteDefault') }]);
  const [problems, setProblems] = useState<DraftProblems>(NO_PROBLEMS);
  const [method, setMethod] = useState<DraftMethod>(initialMethod);
  const [methodProblems, setMethodProblems] = useState<Record<string, string>>({});
  const [openStep, setOpenStep] = useState<OpenStep | null>(null);
  const [templates, setTemplates] = useState<ReadonlyArray<MethodTemplate>>(BUILT_IN_TEMPLATES);
  const [formError, setFormError] = useState<string[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    // Saved methods are a bonus: the built-in ones are already here if the list cannot load.
    fetchTemplates(controller.signal).then(setTemplates, () => undefined);
    return () => controller.abort();
  }, []);

  const handleChoose = (templateId: string) => {
    setMethod((current) => chooseTemplate(current, templateId, templates));
    setOpenStep(null);
  };

  const handleRename = (key: string, name: string) => setSites((current) => current.map((site) => (site.key === key ? { ...site, name } : site)));
  const handleAdd = () => setSites((current) => [...current, { key: nanoid(8), name: '' }]);
  const handleRemove = (key: string) => setSites((current) => (current.length <= 1 ? current : current.filter((site) => site.key !== key)));

  const showFormError = (messages: string[]) => {
    setFormError(messages);
    // Let the alert render, then bring it into view for keyboard and screen-reader users.
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = validateDraft({ title, question, purpose, sites });
    const methodCheck = checkDraftMethod(method, t);
    setMethodProblems('problems' in methodCheck ? methodCheck.problems : {});
    if ('problems' in methodCheck) {
      // Open the first step to fix, unless one with a problem is already open.
      const first = method.phases.find((phase) => methodCheck.problems[phase.id]);
      if (first && !(openStep && methodCheck.problems[openStep.id])) setOpenStep({ id: first.id, focus: false });
    }
    if (!check.ok || 'problems' in methodCheck) {
      const messages = check.ok
        ? []
        : [
            ...(['title', 'question', 'purpose'] as const).flatMap((field) => {
              const problem = check.problems.fields[field];
              return problem ? [problemMessage(t, field, problem)] : [];
            }),
            ...sites.flatMap((site) => {
              const problem = check.problems.sites[site.key];
              return problem ? [problemMessage(t, 'site', problem)] : [];
            }),
          ];
      if (!check.ok) setProblems(check.problems);
      if ('problems' in methodCheck) messages.push(...Object.values(methodCheck.problems));
      showFormError([t('home.formInvalid'), ...new Set(messages)]);
      return;
    }
    setProblems(NO_PROBLEMS);
    setFormError(null);
    setSubmitting(true);
    try {
      onCreated(await createWorkshop({ ...check.body, ...methodCheck }));
    } catch (failure) {
      showFormError([serverErrorMessage(t, errorCodeOf(failure))]);
      setSubmitting(false);
    }
  };

  const fieldError = (field: 'title' | 'question' | 'purpose') => {
    const problem = problems.fields[field];
    return problem ? problemMessage(t, field, problem) : null;
  };

  const chosen = templates.find((template) => template.id === method.templateId);
  const chosenName = chosen ? methodName(t, chosen) : t('method.free');
  const chosenSteps: TimelineStep[] = method.phases.map((phase) => ({
    id: phase.id,
    title: phase.title.trim() || t('method.untitled'),
    activity: phase.activity,
    minutes: phaseMinutes(phase),
  }));
  const summary =
    method.phases.length === 0
      ? chosenName
      : [chosenName, t('method.stepCount', { count: method.phases.length }), formatDuration(t, totalMinutes(method.phases))].join(' · ');

  return (
    <form className="workshop-form" onSubmit={handleSubmit} noValidate>
      <div className="workshop-form__short">
        <div className="workshop-form__essentials">
          <TextField
            name="title"
            label={t('home.titleLabel')}
            value={title}
            onChange={setTitle}
            placeholder={t('home.titlePlaceholder')}
            error={fieldError('title')}
            testId="workshop-title"
          />
          <TextField
            name="question"
            label={t('home.questionLabel')}
            value={question}
            onChange={setQuestion}
            placeholder={t('home.questionPlaceholder')}
            error={fieldError('question')}
            multiline
            testId="workshop-question"
          />
          <TextField
            name="purpose"
            label={t('home.purposeLabel')}
            hint={t('home.purposeHint')}
            value={purpose}
            onChange={setPurpose}
            placeholder={t('home.purposePlaceholder')}
            error={fieldError('purpose')}
            multiline
            testId="workshop-purpose"
          />
          <SiteFields sites={sites} problems={problems.sites} onRename={handleRename} onAdd={handleAdd} onRemove={handleRemove} />
        </div>
        <div className="workshop-form__method">
          <MethodCards templates={templates} chosenId={method.templateId} chosenSteps={chosenSteps} onChoose={handleChoose} />
          {formError && (
            <div className="form-error" role="alert" tabIndex={-1} ref={errorRef} data-testid="form-error">
              <p className="form-error__title">
                <TriangleAlert aria-hidden="true" className="icon" />
                {formError[0]}
              </p>
              {formError.length > 1 && (
                <ul>
                  {formError.slice(1).map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <button type="submit" className="button button--primary button--huge" disabled={submitting} data-testid="create-workshop">
            <Sparkles aria-hidden="true" className="icon" />
            {submitting ? t('home.submitting') : t('home.submit')}
          </button>
        </div>
      </div>
      <MethodTimeline method={method} summary={summary} onChange={setMethod} problems={methodProblems} open={openStep} onOpen={setOpenStep} />
    </form>
  );
}
