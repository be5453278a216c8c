import { nanoid } from 'nanoid';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { MAX_CLUSTER_NAME_CHARS, MAX_PERSONA_CHARS, addCluster, applyJourneyTemplate, setPersona, type BoardState } from '@gommette/shared/board';
import { AxisEditor } from './AxisEditor';

interface JourneyEditorProps {
  doc: Y.Doc;
  state: BoardState;
  /** Where a new cluster goes (below what is drawn). */
  clusterSpot: { x: number; y: number };
}

/** The facilitator sets the persona, the steps and the rows, and makes named clusters of ideas. */
export function JourneyEditor({ doc, state, clusterSpot }: JourneyEditorProps) {
  const { t } = useTranslation();
  const [clusterName, setClusterName] = useState('');
  const empty = state.steps.length === 0 && state.rows.length === 0 && !state.persona;

  const handleCluster = (event: FormEvent) => {
    event.preventDefault();
    if (!clusterName.trim()) return;
    addCluster(doc, `cluster-${nanoid(10)}`, clusterName, clusterSpot.x + state.clusters.length * 420, clusterSpot.y);
    setClusterName('');
  };

  return (
    <aside className="journey-editor" aria-label={t('board.editor')}>
      {empty ? (
        <div className="journey-editor__empty">
          <p>{t('board.setUpHint')}</p>
          <button type="button" className="button button--primary" onClick={() => applyJourneyTemplate(doc)} data-testid="board-setup">
            {t('board.setUp')}
          </button>
        </div>
      ) : (
        <>
          <label className="journey-editor__persona">
            <span>{t('board.persona')}</span>
            <input
              defaultValue={state.persona}
              key={state.persona}
              maxLength={MAX_PERSONA_CHARS}
              data-testid="board-persona"
              onBlur={(event) => event.target.value !== state.persona && setPersona(doc, event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
              }}
            />
          </label>
          <AxisEditor doc={doc} axis="steps" items={state.steps} heading={t('board.steps')} addLabel={t('board.newStep')} testId="board-steps" />
          <AxisEditor doc={doc} axis="rows" items={state.rows} heading={t('board.rows')} addLabel={t('board.newRow')} testId="board-rows" />
        </>
      )}
      <form className="journey-editor__cluster" onSubmit={handleCluster}>
        <h3>{t('board.clusters')}</h3>
        <input
          value={clusterName}
          onChange={(event) => setClusterName(event.target.value)}
          maxLength={MAX_CLUSTER_NAME_CHARS}
          placeholder={t('board.clusterName')}
          aria-label={t('board.clusterName')}
        />
        <button type="submit" className="button">
          {t('board.addCluster')}
        </button>
        <p className="hint">{t('board.clusterHint')}</p>
        <p className="hint">{t('board.linkHint')}</p>
      </form>
    </aside>
  );
}
