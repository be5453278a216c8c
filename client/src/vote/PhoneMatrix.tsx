import { Check, Compass, Star } from 'lucide-react';
import { MATRIX_STEPS, inEasyPriorityQuadrant, nearestMatrixStep, type MatrixChange, type MatrixPlacement, type TableMatrixView } from '@gommette/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ClientErrorCode } from '../api/errors';
import { TableBadge } from '../run/TableBadge';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import { sendCommand } from '../socket/command';
import './vote.css';

export interface PhoneMatrixProps {
  socket: GommetteSocket | null;
  /** The resident's table (null: none picked, or no tables). */
  tableId: number | null;
  /** Tables in the room (0: the room is one group). */
  tableCount: number;
  /** Visible ideas in the room: when it changes, the table's list is fetched again. */
  ideaCount: number;
  /** "Main levée": the choices wait. */
  handRaised: boolean;
}

type Axis = 'easy' | 'priority';
type Draft = Partial<Record<Axis, number>>;

/**
 * The Sélection step on a resident's phone: their table's ideas, each with two four-step choices
 * ("facile à faire ?", "prioritaire ?") named with the facilitator's axis labels. A choice is
 * sent as soon as both axes have one; the projector's board shows it at once.
 * Loaded lazily, when a matrix step runs.
 */
export default function PhoneMatrix({ socket, tableId, tableCount, ideaCount, handRaised }: PhoneMatrixProps) {
  const { t } = useTranslation();
  const [table, setTable] = useState<TableMatrixView | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!socket?.connected) return;
    sendCommand(socket, 'matrix:ideas', {})
      .then((view) => {
        setTable(view);
        setError(null);
      })
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught.code : 'internal'));
  }, [socket]);

  // On mount, after each reconnection, when the table changes or ideas come and go.
  useEffect(() => {
    load();
  }, [load, tableId, ideaCount]);
  useEffect(() => {
    if (!socket) return undefined;
    const handleChange = (change: MatrixChange) =>
      setTable((current) => {
        if (!current) return current;
        const placement = change.placement;
        const ours = placement !== null && current.ideas.some((idea) => idea.id === placement.ideaId);
        return {
          ...current,
          axes: change.axes,
          placements: ours ? [...current.placements.filter((item) => item.ideaId !== placement.ideaId), placement] : current.placements,
        };
      });
    socket.on('connect', load);
    socket.on('matrix:placed', handleChange);
    return () => {
      socket.off('connect', load);
      socket.off('matrix:placed', handleChange);
    };
  }, [socket, load]);

  if (tableCount > 0 && tableId === null) {
    return (
      <PhoneMatrixFrame>
        <p className="notice" data-testid="phone-matrix-no-table">
          {t('matrix.noTable')}
        </p>
      </PhoneMatrixFrame>
    );
  }
  if (!table) {
    return (
      <PhoneMatrixFrame>
        {error ? <AlertText testId="phone-matrix-error">{errorMessage(t, error)}</AlertText> : <p className="hint">{t('matrix.loading')}</p>}
      </PhoneMatrixFrame>
    );
  }

  // An axis the facilitator named keeps its own direction inside the sentence (first strong isolate).
  const typed = (name: string) => (name ? `\u2068${name}\u2069` : '');
  const axisName = (axis: Axis) => (axis === 'easy' ? typed(table.axes.easy) || t('matrix.axisEasy') : typed(table.axes.priority) || t('matrix.axisPriority'));
  const placements = new Map(table.placements.map((placement) => [placement.ideaId, placement]));

  const choose = (ideaId: string, axis: Axis, value: number) => {
    const known = placements.get(ideaId);
    const draft: Draft = { ...(known ? { easy: known.easy, priority: known.priority } : {}), ...drafts[ideaId], [axis]: value };
    setDrafts((all) => ({ ...all, [ideaId]: draft }));
    if (draft.easy === undefined || draft.priority === undefined) return;
    const placement: MatrixPlacement = { ideaId, easy: draft.easy, priority: draft.priority };
    setError(null);
    sendCommand(socket, 'matrix:place', placement)
      .then((matrix) => {
        setTable((current) => current && { ...current, axes: matrix.axes, placements: matrix.placements });
        setDrafts(({ [ideaId]: _sent, ...rest }) => rest);
        setSaved(ideaId);
      })
      .catch((caught: unknown) => {
        setError(caught instanceof ApiError ? caught.code : 'internal');
        setDrafts(({ [ideaId]: _failed, ...rest }) => rest);
      });
  };

  return (
    <PhoneMatrixFrame tableId={table.tableId}>
      {table.ideas.length === 0 && <p className="hint">{t('matrix.noIdeas')}</p>}
      <ul className="phone-matrix__ideas">
        {table.ideas.map((idea) => {
          const placement = placements.get(idea.id);
          const draft = drafts[idea.id] ?? {};
          const value = (axis: Axis): number | undefined => draft[axis] ?? placement?.[axis];
          const both = value('easy') !== undefined && value('priority') !== undefined;
          return (
            <li key={idea.id} className="vote-card phone-matrix__card" data-testid="matrix-card" data-idea={idea.text} data-placed={placement ? 'yes' : 'no'}>
              <p className="vote-card__text" dir="auto">
                {idea.text}
              </p>
              {(['easy', 'priority'] as const).map((axis) => {
                const current = value(axis);
                const selected = current === undefined ? -1 : nearestMatrixStep(current);
                return (
                  <fieldset key={axis} className="phone-matrix__axis" disabled={handRaised} data-testid={`matrix-axis-${axis}`}>
                    <legend>{t('matrix.question', { axis: axisName(axis) })}</legend>
                    <div className="phone-matrix__steps">
                      {MATRIX_STEPS.map((step, index) => (
                        <label key={step} className={`phone-matrix__step ${index === selected ? 'phone-matrix__step--chosen' : ''}`}>
                          <input type="radio" name={`${idea.id}-${axis}`} checked={index === selected} onChange={() => choose(idea.id, axis, step)} />
                          <span className="phone-matrix__bars" aria-hidden="true">
                            {MATRIX_STEPS.map((_, bar) => (
                              <span key={bar} className={`phone-matrix__bar ${bar <= index ? 'phone-matrix__bar--on' : ''}`} />
                            ))}
                          </span>
                          <span className="phone-matrix__word">{t(`matrix.step${index}` as 'matrix.step0')}</span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
              <p className="phone-matrix__state" aria-live="polite">
                {!both
                  ? t('matrix.notPlaced')
                  : placement && inEasyPriorityQuadrant(placement)
                    ? [<Star key="icon" aria-hidden="true" className="icon" />, t('matrix.inQuadrant')]
                    : saved === idea.id && placement
                      ? [<Check key="icon" aria-hidden="true" className="icon" />, t('matrix.saved')]
                      : ''}
              </p>
            </li>
          );
        })}
      </ul>
      {error && <AlertText testId="phone-matrix-error">{errorMessage(t, error)}</AlertText>}
    </PhoneMatrixFrame>
  );
}

function PhoneMatrixFrame({ tableId = null, children }: { tableId?: number | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="phone-matrix" aria-labelledby="phone-matrix-heading" data-testid="phone-matrix">
      <h2 id="phone-matrix-heading" className="phone-matrix__heading">
        <Compass aria-hidden="true" className="icon" />
        {t('matrix.heading')} {tableId !== null && <TableBadge table={tableId} />}
      </h2>
      <p className="hint">{t('matrix.hint')}</p>
      {children}
    </section>
  );
}
