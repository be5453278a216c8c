import { formatDay } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { audit, auditDate, auditLanguages, type HandCheckResult } from './audit';
import '../styles/phone.css';
import './accessibility.css';

const GAPS = ['board', 'emoji', 'speech', 'staff', 'pdf', 'audit'] as const;
const DEFENSEUR_FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DEFENSEUR_DELEGATES = 'https://www.defenseurdesdroits.fr/saisir/delegues';

/**
 * `/accessibilite`: the accessibility statement in the form the RGAA asks of public services
 * (état de conformité, résultats des tests, contenus non accessibles, établissement, contact,
 * voies de recours), its figures taken from the project's own audit at build time.
 */
export function AccessibilityPage() {
  const { t, i18n } = useTranslation();
  const screenName = (screen: string) => t(`statement.screens.${screen}` as 'statement.screens.other', { defaultValue: screen });
  const checkName = (check: string) => t(`statement.checks.${check}` as 'statement.checks.text-200', { defaultValue: check });
  const languageName = (code: string) => t(`statement.languages.${code}` as 'statement.languages.fr', { defaultValue: code });
  const date = formatDay(auditDate, i18n.language, 'long');

  const axeLanguages = auditLanguages(audit.axe);
  const axePages = audit.axe.results[axeLanguages[0] ?? 'fr'] ?? [];
  const blocking = axeLanguages.reduce(
    (sum, code) => sum + (audit.axe.results[code] ?? []).reduce((total, page) => total + page.critical + page.serious, 0),
    0,
  );
  const handLanguages = auditLanguages(audit.handChecks);
  const allChecks: Array<HandCheckResult & { language: string }> = handLanguages.flatMap((code) =>
    (audit.handChecks.results[code] ?? []).map((result) => ({ ...result, language: code })),
  );
  const failing = allChecks.filter((result) => !result.passed);
  const checkKinds = [...new Set(allChecks.map((result) => result.check))];
  const testedPages = [...new Set([...axePages.map((page) => page.page), ...allChecks.map((result) => result.screen)])];

  return (
    <main className="phone statement" data-testid="accessibility-statement">
      <header className="phone__header">
        <a className="button button--link" href="/j">
          {t('statement.back')}
        </a>
        <LanguageSwitcher />
      </header>
      <h1>{t('statement.title')}</h1>
      <p>{t('statement.intro')}</p>

      <section aria-labelledby="statement-conformity">
        <h2 id="statement-conformity">{t('statement.conformityHeading')}</h2>
        <p className="statement__level" data-testid="conformity">
          {t('statement.conformity')}
        </p>
        <p>{t('statement.noFullAudit')}</p>
      </section>

      <section aria-labelledby="statement-results">
        <h2 id="statement-results">{t('statement.resultsHeading')}</h2>
        <p>{t('statement.auditDate', { date })}</p>
        <h3 id="statement-axe">{t('statement.axeHeading')}</h3>
        <p data-testid="axe-summary">{t('statement.axeSummary', { pages: axePages.length, count: blocking })}</p>
        {/* Focusable so that a keyboard can scroll a wide table. */}
        <div className="statement__table-wrap" role="region" aria-labelledby="statement-axe" tabIndex={0}>
          <table className="statement__table">
            <thead>
              <tr>
                <th scope="col">{t('statement.page')}</th>
                {axeLanguages.map((code) => (
                  <th key={code} scope="col">
                    {languageName(code)} : {t('statement.blocking')} / {t('statement.others')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {axePages.map((page, index) => (
                <tr key={page.page}>
                  <th scope="row" lang="en" dir="ltr">
                    {page.page}
                  </th>
                  {axeLanguages.map((code) => {
                    const result = audit.axe.results[code]?.[index];
                    return <td key={code}>{result ? `${result.critical + result.serious} / ${result.moderate + result.minor}` : '–'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h3 id="statement-hand">{t('statement.handHeading')}</h3>
        <p data-testid="hand-summary">{t('statement.handSummary', { passed: allChecks.length - failing.length, total: allChecks.length })}</p>
        <div className="statement__table-wrap" role="region" aria-labelledby="statement-hand" tabIndex={0}>
          <table className="statement__table">
            <thead>
              <tr>
                <th scope="col">{t('statement.check')}</th>
                {handLanguages.map((code) => (
                  <th key={code} scope="col">
                    {languageName(code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {checkKinds.map((check) => (
                <tr key={check}>
                  <th scope="row">{checkName(check)}</th>
                  {handLanguages.map((code) => {
                    const results = allChecks.filter((result) => result.check === check && result.language === code);
                    return (
                      <td key={code} data-passed={results.every((result) => result.passed)}>
                        {results.filter((result) => result.passed).length} / {results.length}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="statement__details">
          <summary>{t('statement.measured')}</summary>
          <ul>
            {allChecks.map((result, index) => (
              <li key={index}>
                {screenName(result.screen)} · {checkName(result.check)} · {languageName(result.language)} :{' '}
                {result.passed ? t('statement.passed') : t('statement.failed')}{' '}
                <span lang="en" dir="ltr">
                  ({result.measured})
                </span>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="statement-gaps">
        <h2 id="statement-gaps">{t('statement.notAccessibleHeading')}</h2>
        <p>{t('statement.notAccessibleIntro')}</p>
        <ul data-testid="not-accessible">
          {failing.length > 0 && (
            <li>
              {t('statement.stillFailing', {
                list: failing.map((result) => `${screenName(result.screen)} (${languageName(result.language)}) : ${checkName(result.check)}`).join(' ; '),
              })}
            </li>
          )}
          {GAPS.map((gap) => (
            <li key={gap}>{t(`statement.gaps.${gap}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="statement-preparation">
        <h2 id="statement-preparation">{t('statement.preparationHeading')}</h2>
        <p>{t('statement.preparation', { date })}</p>
        <h3>{t('statement.technologiesHeading')}</h3>
        <p>{t('statement.technologies')}</p>
        <h3>{t('statement.toolsHeading')}</h3>
        <p data-testid="tools">
          {t('statement.tools', { browser: audit.axe.browser, engine: audit.axe.engine ?? 'axe-core', checks: t('statement.checksList') })}
        </p>
        <h3>{t('statement.pagesHeading')}</h3>
        <ul>
          {testedPages.map((page) => (
            <li key={page}>{screenName(page)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="statement-contact">
        <h2 id="statement-contact">{t('statement.contactHeading')}</h2>
        <p>{t('statement.contact')}</p>
      </section>

      <section aria-labelledby="statement-remedy">
        <h2 id="statement-remedy">{t('statement.remedyHeading')}</h2>
        <p>{t('statement.remedyIntro')}</p>
        <ul>
          <li>
            <a href={DEFENSEUR_FORM} rel="noreferrer">
              {t('statement.remedyForm')}
            </a>
          </li>
          <li>
            <a href={DEFENSEUR_DELEGATES} rel="noreferrer">
              {t('statement.remedyDelegate')}
            </a>
          </li>
          <li>{t('statement.remedyMail')}</li>
        </ul>
      </section>
    </main>
  );
}
