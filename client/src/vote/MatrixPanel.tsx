import { MATRIX_SCALE, inEasyPriorityQuadrant, type IdeaView, type MatrixPlacement, type MatrixView as Matrix } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MatrixView } from './MatrixView';

interface MatrixPanelProps {
  matrix: Matrix;
  /** Visible ideas. */
  ideas: ReadonlyArray<IdeaView>;
  busy: boolean;
  canVote: boolean;
  onPlace: (placement: MatrixPlacement) => void;
  onAxes: (easy: string, priority: string) => void;
  onVoteQuadrant: () => void;
}

/** The console's matrix: name the axes, place each idea with two sliders, vote on the quadrant. */
export function MatrixPanel({ matrix, ideas, busy, canVote, onPlace, onAxes, onVoteQuadrant }: MatrixPanelProps) {
  const { t } = useTranslation();
  const [easyLabel, setEasyLabel] = useState(matrix.axes.easy);
  const [priorityLabel, setPriorityLabel] = useState(matrix.axes.priority);
  const [drafts, setDrafts] = useState<Record<string, MatrixPlacement>>({});
  const placements = new Map(matrix.placements.map((placement) => [placement.ideaId, placement]));
  const easyName = matrix.axes.easy || t('vote.axisEasy');
  const priorityName = matrix.axes.priority || t('vote.axisPriority');
  const inQuadrant = matrix.placements.filter((placement) => inEasyPriorityQuadrant(placement) && ideas.some((idea) => idea.id === placement.ideaId)).length;

  const handleAxes = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onAxes(easyLabel, priorityLabel);
  };

  const current = (ideaId: string): MatrixPlacement =>
    drafts[ideaId] ?? placements.get(ideaId) ?? { ideaId, easy: MATRIX_SCALE / 2, priority: MATRIX_SCALE / 2 };
  const change = (ideaId: string, axis: 'easy' | 'priority', value: number) =>
    setDrafts((all) => ({ ...all, [ideaId]: { ...current(ideaId), [axis]: value } }));
  const commit = (ideaId: string) => {
    const draft = drafts[ideaId];
    if (!draft) return;
    onPlace(draft);
    setDrafts(({ [ideaId]: _done, ...rest }) => rest);
  };

  return (
    <section className="console-panel matrix-panel" aria-labelledby="matrix-heading" data-testid="matrix-panel">
      <h2 id="matrix-heading">{t('vote.matrixHeading')}</h2>
      <MatrixView matrix={matrix} ideas={ideas} />
      <form className="matrix-panel__axes" onSubmit={handleAxes}>
        <label className="round-form__field">
          {t('vote.axisEasyLabel')}
          <input type="text" value={easyLabel} placeholder={t('vote.axisEasy')} onChange={(event) => setEasyLabel(event.target.value)} />
        </label>
        <label className="round-form__field">
          {t('vote.axisPriorityLabel')}
          <input type="text" value={priorityLabel} placeholder={t('vote.axisPriority')} onChange={(event) => setPriorityLabel(event.target.value)} />
        </label>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('vote.axesSave')}
        </button>
      </form>
      <ul className="matrix-panel__ideas">
        {ideas.map((idea) => {
          const placement = current(idea.id);
          return (
            <li key={idea.id} data-testid="matrix-row" data-idea={idea.text}>
              <p>
                <bdi className="typed-text">{idea.text}</bdi>{' '}
                {!placements.has(idea.id) && !drafts[idea.id] && <span className="hint">({t('vote.notPlaced')})</span>}
              </p>
              {(['easy', 'priority'] as const).map((axis) => (
                <label key={axis} className="matrix-panel__slider">
                  {t(axis === 'easy' ? 'vote.placeEasy' : 'vote.placePriority', { axis: axis === 'easy' ? easyName : priorityName, value: placement[axis] })}
                  <input
                    type="range"
                    min={0}
                    max={MATRIX_SCALE}
                    value={placement[axis]}
                    data-testid={`matrix-${axis}`}
                    onChange={(event) => change(idea.id, axis, Number(event.target.value))}
                    onPointerUp={() => commit(idea.id)}
                    onKeyUp={() => commit(idea.id)}
                    onBlur={() => commit(idea.id)}
                  />
                </label>
              ))}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--primary"
        disabled={busy || !canVote || inQuadrant === 0}
        onClick={onVoteQuadrant}
        data-testid="matrix-vote-quadrant"
      >
        {t('vote.quadrantToVote')}
      </button>
      {inQuadrant === 0 && <p className="hint">{t('vote.quadrantEmpty')}</p>}
    </section>
  );
}
