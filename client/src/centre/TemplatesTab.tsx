import type { CentreTemplateView } from '@gommette/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { centreApi } from './api';
import { QuestionnairesSection } from './QuestionnairesSection';
import { useCentreAction } from './useCentreAction';
import { useLoad } from './useLoad';

/** The centre's methods (shared or not), those other centres shared (to copy), and the built-in ones. */
export function TemplatesTab({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => centreApi.templates(centreId), [centreId]);
  const { result, reload } = useLoad(load);
  const { message, error, run } = useCentreAction(reload);

  if (result.state === 'loading') return <p className="hint">{t('app.loading')}</p>;
  if (result.state === 'error') return <AlertText>{errorMessage(t, result.code)}</AlertText>;
  const own = result.data.filter((template) => template.scope === 'centre');
  const shared = result.data.filter((template) => template.scope === 'shared');
  const builtIn = result.data.filter((template) => template.scope === 'builtIn');
  const steps = (template: CentreTemplateView) => t('centre.templates.steps', { count: template.phases.length });

  return (
    <div className="stack">
      {error && <AlertText>{error}</AlertText>}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section className="centre-card stack" aria-labelledby="own-templates">
        <h2 id="own-templates">{t('centre.templates.heading')}</h2>
        {own.length === 0 && <p className="hint">{t('centre.templates.none')}</p>}
        <ul className="centre-list" data-testid="own-templates">
          {own.map((template) => (
            <li key={template.id}>
              <strong>{template.name}</strong> <span className="hint">{steps(template)}</span>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={template.shared}
                  onChange={(event) => void run(() => centreApi.shareTemplate(centreId, template.id, event.target.checked))}
                  data-testid="share-template"
                />
                {t('centre.templates.share')}
              </label>
            </li>
          ))}
        </ul>
      </section>
      <section className="centre-card stack" aria-labelledby="shared-templates">
        <h2 id="shared-templates">{t('centre.templates.sharedHeading')}</h2>
        {shared.length === 0 && <p className="hint">{t('centre.templates.noneShared')}</p>}
        <ul className="centre-list" data-testid="shared-templates">
          {shared.map((template) => (
            <li key={template.id}>
              <strong>{template.name}</strong>{' '}
              <span className="hint">
                {t('centre.templates.from', { centre: template.centreName })} · {steps(template)}
              </span>
              {template.description && <p className="hint">{template.description}</p>}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void run(() => centreApi.copyTemplate(centreId, template.id), t('centre.templates.copied'))}
                data-testid="copy-template"
              >
                {t('centre.templates.copy')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <QuestionnairesSection centreId={centreId} />
      <section className="centre-card stack" aria-labelledby="builtin-templates">
        <h2 id="builtin-templates">{t('centre.templates.builtInHeading')}</h2>
        <ul className="centre-list">
          {builtIn.map((template) => (
            <li key={template.id}>
              <strong>{template.name}</strong> <span className="hint">{steps(template)}</span>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void run(() => centreApi.copyTemplate(centreId, template.id), t('centre.templates.copied'))}
              >
                {t('centre.templates.copy')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
