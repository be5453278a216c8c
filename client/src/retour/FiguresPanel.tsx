import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipationFigures } from '@gommette/shared';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { ExportButtons } from './ExportButtons';
import { fetchFigures } from './retourApi';
import { FiguresView } from './FiguresView';

export function FiguresPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<ParticipationFigures | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchFigures(workshopId, token, controller.signal).then(setFigures, (failure: unknown) => {
      if (!controller.signal.aborted) setError(errorCodeOf(failure));
    });
    return () => controller.abort();
  }, [workshopId, token, attempt]);

  return (
    <section className="console-panel figures-panel" data-testid="figures-panel">
      <h3>
        {t('retour.figuresHeading')}{' '}
        <button type="button" className="button" onClick={() => setAttempt((value) => value + 1)}>
          {t('retour.refresh')}
        </button>
      </h3>
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
      {figures && <FiguresView figures={figures} />}
      <ExportButtons workshopId={workshopId} token={token} files={[{ path: 'figures.csv', label: t('retour.figuresCsv') }]} />
    </section>
  );
}
