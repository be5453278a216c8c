import { ChevronDown, ChevronLeft, ChevronRight, ChevronUp, X } from 'lucide-react';
import { nanoid } from 'nanoid';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { MAX_BOARD_LABEL_CHARS, addAxisItem, moveAxisItem, removeAxisItem, renameAxisItem, type Axis, type AxisItem } from '@gommette/shared/board';

interface AxisEditorProps {
  doc: Y.Doc;
  axis: Axis;
  items: ReadonlyArray<AxisItem>;
  heading: string;
  addLabel: string;
  testId: string;
}

/** The facilitator's list of steps (columns) or rows: add, rename, reorder, remove. */
export function AxisEditor({ doc, axis, items, heading, addLabel, testId }: AxisEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    try {
      addAxisItem(doc, axis, `${axis === 'steps' ? 'step' : 'row'}-${nanoid(10)}`, draft);
      setDraft('');
    } catch {
      // Too many, or too long: the field's limits already say so.
    }
  };

  return (
    <section className="axis-editor" data-testid={testId}>
      <h3>{heading}</h3>
      <ol className="axis-editor__list">
        {items.map((item, index) => (
          <li key={item.id} className="axis-editor__item">
            <input
              className="axis-editor__label"
              aria-label={t('board.rename')}
              defaultValue={item.label}
              key={item.label}
              maxLength={MAX_BOARD_LABEL_CHARS}
              onBlur={(event) => {
                if (event.target.value.trim() && event.target.value !== item.label) renameAxisItem(doc, axis, item.id, event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
              }}
            />
            <button
              type="button"
              className="icon-button"
              disabled={index === 0}
              onClick={() => moveAxisItem(doc, axis, item.id, index - 1)}
              aria-label={t('board.moveEarlier')}
              title={t('board.moveEarlier')}
            >
              {axis === 'steps' ? <ChevronLeft aria-hidden="true" /> : <ChevronUp aria-hidden="true" />}
            </button>
            <button
              type="button"
              className="icon-button"
              disabled={index === items.length - 1}
              onClick={() => moveAxisItem(doc, axis, item.id, index + 1)}
              aria-label={t('board.moveLater')}
              title={t('board.moveLater')}
            >
              {axis === 'steps' ? <ChevronRight aria-hidden="true" /> : <ChevronDown aria-hidden="true" />}
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => removeAxisItem(doc, axis, item.id)}
              aria-label={t('board.remove')}
              title={t('board.remove')}
            >
              <X aria-hidden="true" />
            </button>
          </li>
        ))}
      </ol>
      <form className="axis-editor__add" onSubmit={handleAdd}>
        <input
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          maxLength={MAX_BOARD_LABEL_CHARS}
          aria-label={addLabel}
          placeholder={addLabel}
        />
        <button type="submit" className="button">
          +
        </button>
      </form>
    </section>
  );
}
