import type { BoardIdea, BoardState } from '@gommette/shared/board';
import { useTranslation } from 'react-i18next';
import { FeelingMark } from './FeelingMark';

interface BoardAsListProps {
  state: BoardState;
  ideas: ReadonlyArray<BoardIdea>;
}

/**
 * The board's content as text, for screen readers and anyone who prefers a list: the persona,
 * each step with its rows and their notes, then the groups of ideas. The canvas is hidden from
 * assistive technologies; this list says the same thing.
 */
export function BoardAsList({ state, ideas }: BoardAsListProps) {
  const { t } = useTranslation();
  const steps = [...state.steps].sort((a, b) => a.order - b.order);
  const rows = [...state.rows].sort((a, b) => a.order - b.order);
  const notesIn = (stepId: string, rowId: string) =>
    state.notes
      .filter((note) => note.placement.kind === 'cell' && note.placement.stepId === stepId && note.placement.rowId === rowId)
      .sort((a, b) => a.order - b.order);
  const free = state.notes.filter((note) => note.placement.kind === 'free');
  const text = new Map(ideas.map((idea) => [idea.id, idea.text]));
  const inCluster = (clusterId: string) => ideas.filter((idea) => state.ideaPlacements.get(idea.id)?.clusterId === clusterId);
  const loose = ideas.filter((idea) => !state.ideaPlacements.get(idea.id)?.clusterId);

  return (
    <details className="board-list" data-testid="board-list">
      <summary>{t('board.asList')}</summary>
      {state.persona && <p dir="auto">{state.persona}</p>}
      {steps.map((step) => (
        <section key={step.id} aria-label={step.label}>
          <h3 dir="auto">{step.label}</h3>
          <dl>
            {rows.map((row) => {
              const notes = notesIn(step.id, row.id);
              return (
                <div key={row.id}>
                  <dt dir="auto">{row.label}</dt>
                  {notes.length === 0 ? (
                    <dd>—</dd>
                  ) : (
                    notes.map((note) => (
                      <dd key={note.id} dir="auto">
                        {note.feeling ? <FeelingMark feeling={note.feeling} /> : null}
                        {note.text}
                      </dd>
                    ))
                  )}
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      {free.length > 0 && (
        <ul>
          {free.map((note) => (
            <li key={note.id} dir="auto">
              {note.text}
            </li>
          ))}
        </ul>
      )}
      {state.clusters.map((cluster) => (
        <section key={cluster.id} aria-label={cluster.name}>
          <h3 dir="auto">{cluster.name}</h3>
          <ul>
            {inCluster(cluster.id).map((idea) => (
              <li key={idea.id} dir="auto">
                {text.get(idea.id)}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {loose.length > 0 && (
        <section aria-label={t('board.looseIdeas')}>
          <h3>{t('board.looseIdeas')}</h3>
          <ul>
            {loose.map((idea) => (
              <li key={idea.id} dir="auto">
                {idea.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
