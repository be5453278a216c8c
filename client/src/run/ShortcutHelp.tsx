import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_KEYS } from './shortcuts';

interface ShortcutHelpProps {
  open: boolean;
  onClose: () => void;
}

const KEY_WORDS: Record<string, 'run.keyPageDown' | 'run.keyPageUp' | 'run.keyRight' | 'run.keyLeft' | 'run.keySpace'> = {
  PageDown: 'run.keyPageDown',
  PageUp: 'run.keyPageUp',
  ArrowRight: 'run.keyRight',
  ArrowLeft: 'run.keyLeft',
  ' ': 'run.keySpace',
};

/**
 * The keyboard shortcuts (`?`): a modal dialog (the page behind is inert, so the focus stays
 * inside; Escape closes it), opened from the top bar or the keyboard.
 */
export function ShortcutHelp({ open, onClose }: ShortcutHelpProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose} data-testid="shortcut-help">
      <h2 id="shortcut-help-title">{t('run.shortcutsTitle')}</h2>
      <p className="hint">{t('run.shortcutsIntro')}</p>
      <dl className="shortcut-help__list">
        {SHORTCUT_KEYS.map(({ action, keys }) => (
          <div key={action} className="shortcut-help__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && <span className="shortcut-help__or"> {t('run.keyOr')} </span>}
                  <kbd>{key in KEY_WORDS ? t(KEY_WORDS[key]!) : key.toUpperCase()}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`run.shortcut_${action}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button button--primary" autoFocus data-testid="shortcut-help-close">
          {t('run.close')}
        </button>
      </form>
    </dialog>
  );
}
