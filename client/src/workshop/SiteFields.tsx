import { MapPin, Plus, X } from 'lucide-react';
import { MAX_SITES_PER_WORKSHOP } from '@gommette/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problemMessage';
import type { DraftSite, FieldProblem } from './validateDraft';

interface SiteFieldsProps {
  sites: ReadonlyArray<DraftSite>;
  problems: Record<string, FieldProblem>;
  onRename: (key: string, name: string) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

/** The places ("lieux") where the workshop runs: one or more, each with its own QR code. */
export function SiteFields({ sites, problems, onRename, onAdd, onRemove }: SiteFieldsProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const idPrefix = useId();

  return (
    <fieldset className="site-fields">
      <legend className="field-label">
        <MapPin aria-hidden="true" className="icon" />
        {t('home.sitesLegend')}
      </legend>
      <p id={hintId} className="hint">
        {t('home.sitesHint')}
      </p>
      <ol className="site-fields__list">
        {sites.map((site, index) => {
          const problem = problems[site.key];
          const inputId = `${idPrefix}-site-${site.key}`;
          const errorId = `${inputId}-error`;
          return (
            <li key={site.key} className="site-fields__item">
              <label className="visually-hidden" htmlFor={inputId}>
                {t('home.siteLabel', { number: index + 1 })}
              </label>
              <div className="site-fields__row">
                <input
                  id={inputId}
                  className="input"
                  type="text"
                  value={site.name}
                  placeholder={t('home.sitePlaceholder')}
                  onChange={(event) => onRename(site.key, event.target.value)}
                  aria-invalid={Boolean(problem)}
                  aria-describedby={problem ? errorId : hintId}
                  data-testid={`site-name-${index}`}
                />
                <button
                  type="button"
                  className="button button--secondary button--icon"
                  onClick={() => onRemove(site.key)}
                  disabled={sites.length <= 1}
                  aria-label={t('home.removeSite', { number: index + 1 })}
                  title={t('home.removeSite', { number: index + 1 })}
                >
                  <X aria-hidden="true" />
                </button>
                {/* On the last place's row, to keep the short path short. */}
                {index === sites.length - 1 && (
                  <button
                    type="button"
                    className="button button--secondary site-fields__add"
                    onClick={onAdd}
                    disabled={sites.length >= MAX_SITES_PER_WORKSHOP}
                    data-testid="add-site"
                  >
                    <Plus aria-hidden="true" className="icon" />
                    {t('home.addSite')}
                  </button>
                )}
              </div>
              {problem && (
                <p id={errorId} className="field-error">
                  {problemMessage(t, 'site', problem)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
