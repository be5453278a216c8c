import { Map } from 'lucide-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardPanelProps } from './BoardPanel';
import { lazyWithWords } from '../i18n/lazyWithWords';

const BoardPanel = lazyWithWords(['board'], () => import('./BoardPanel').then((module) => module.default));

/**
 * A button that opens the shared board on the console or the projector. The board (Konva, Yjs)
 * is fetched only when opened. `initiallyOpen` lets a phase show it at once.
 */
export function BoardSection(props: BoardPanelProps & { initiallyOpen?: boolean; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  const { t } = useTranslation();
  const { initiallyOpen = false, open: controlled, onOpenChange, ...panel } = props;
  const [own, setOwn] = useState(initiallyOpen);
  // The console holds the state itself (its keyboard shortcut opens the board).
  const open = controlled ?? own;
  const setOpen = (change: (value: boolean) => boolean) => (onOpenChange ? onOpenChange(change(open)) : setOwn(change));
  return (
    <div className={`board-section ${open ? 'board-section--open' : ''}`}>
      {/* The projector can open the board, never close it or show "Fermer le tableau" to the room. */}
      {!(open && panel.role === 'screen') && (
        <button
          type="button"
          className="button board-section__toggle"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
          data-testid="board-toggle"
        >
          <Map aria-hidden="true" className="icon" />
          {open ? t('board.close') : t('board.open')}
        </button>
      )}
      {open && (
        <Suspense fallback={<p className="hint">{t('board.loading')}</p>}>
          <BoardPanel {...panel} />
        </Suspense>
      )}
    </div>
  );
}
