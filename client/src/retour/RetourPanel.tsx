import { Printer } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Brief, FollowUpSettings, IdeaView, VoteResults } from '@gommette/shared';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { BriefEditor } from './BriefEditor';
import { ExportButtons } from './ExportButtons';
import { FiguresPanel } from './FiguresPanel';
import { FollowUpSettingsForm } from './FollowUpSettingsForm';
import { NewBriefForm } from './NewBriefForm';
import { fetchBriefs } from './retourApi';
import { usePrintSheet } from './usePrintSheet';
import { WorkshopSheet } from './WorkshopSheet';
import './retour.css';

interface RetourPanelProps {
  workshopId: string;
  token: string;
  workshop: { title: string; question: string; purpose: string };
  ideas: ReadonlyArray<IdeaView>;
  results: VoteResults | null;
  /** When the last step ends (or is left), the server finishes (or reopens) the workshop: reload. */
  lastStepOver: boolean;
}

/** The facilitator's side of "Retour aux habitants" (lazy chunk). */
export default function RetourPanel({ workshopId, token, workshop, ideas, results, lastStepOver }: RetourPanelProps) {
  const { t } = useTranslation();
  const [briefs, setBriefs] = useState<Brief[] | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpSettings | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const { printing, print } = usePrintSheet();

  useEffect(() => {
    const controller = new AbortController();
    fetchBriefs(workshopId, token, controller.signal).then(
      (loaded) => {
        setBriefs(loaded.briefs);
        setFollowUp(loaded.followUp);
        setSelected((current) => current ?? loaded.briefs[0]?.id ?? null);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(errorCodeOf(failure));
      },
    );
    return () => controller.abort();
  }, [workshopId, token, lastStepOver]);

  const handleBrief = useCallback((brief: Brief) => {
    setBriefs((current) => {
      const list = current ?? [];
      return list.some((item) => item.id === brief.id) ? list.map((item) => (item.id === brief.id ? brief : item)) : [...list, brief];
    });
    setSelected(brief.id);
  }, []);

  const current = briefs?.find((brief) => brief.id === selected) ?? null;

  return (
    <div className="retour-panel" data-testid="retour-panel">
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
      <div className="retour-panel__row">
        {followUp && <FollowUpSettingsForm workshopId={workshopId} token={token} settings={followUp} onSaved={setFollowUp} />}
        <section className="console-panel">
          <h3>{t('retour.exportsHeading')}</h3>
          <button type="button" className="button" onClick={print} data-testid="workshop-print">
            <Printer aria-hidden="true" className="icon" />
            {t('retour.print')}
          </button>
          <ExportButtons
            workshopId={workshopId}
            token={token}
            files={[
              { path: 'export.pdf', label: 'PDF' },
              { path: 'export.md', label: 'Markdown' },
              { path: 'export/ideas.csv', label: t('retour.csvIdeas') },
              { path: 'export/questionnaire.csv', label: t('retour.csvQuestionnaire') },
              { path: 'export.json', label: 'JSON' },
            ]}
          />
        </section>
      </div>
      <section className="console-panel">
        <h3>{t('retour.briefsHeading')}</h3>
        {briefs && briefs.length > 0 && (
          <ul className="retour-panel__briefs">
            {briefs.map((brief) => (
              <li key={brief.id}>
                <button
                  type="button"
                  className={brief.id === selected ? 'button button--primary' : 'button'}
                  aria-pressed={brief.id === selected}
                  onClick={() => setSelected(brief.id)}
                >
                  {brief.title} · {t(`followUp.status.${brief.status}`)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <NewBriefForm workshopId={workshopId} token={token} ideas={ideas} results={results} onCreated={handleBrief} />
      </section>
      {current && <BriefEditor key={current.id} workshopId={workshopId} token={token} brief={current} onBrief={handleBrief} />}
      <FiguresPanel workshopId={workshopId} token={token} />
      {printing &&
        createPortal(
          <div className="print-sheet">
            <WorkshopSheet workshopId={workshopId} token={token} workshop={workshop} briefs={briefs ?? []} />
          </div>,
          document.body,
        )}
    </div>
  );
}
