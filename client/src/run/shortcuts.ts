import { useEffect, useRef } from 'react';

/** What a key does on the facilitator's console. */
export type ShortcutAction = 'next' | 'previous' | 'toggle' | 'plus1' | 'hand' | 'board' | 'reveal' | 'help';

/** The keys, in the order the help lists them (the first key of each is the one shown first). */
export const SHORTCUT_KEYS: ReadonlyArray<{ action: ShortcutAction; keys: ReadonlyArray<string> }> = [
  { action: 'next', keys: ['PageDown', 'ArrowRight'] },
  { action: 'previous', keys: ['PageUp', 'ArrowLeft'] },
  { action: 'toggle', keys: [' ', 'p'] },
  { action: 'plus1', keys: ['+', 'm'] },
  { action: 'hand', keys: ['h'] },
  { action: 'board', keys: ['t'] },
  { action: 'reveal', keys: ['r'] },
  { action: 'help', keys: ['?'] },
];

const BY_KEY = new Map(SHORTCUT_KEYS.flatMap(({ action, keys }) => keys.map((key) => [key, action] as const)));

/** Characters that need Shift on some keyboards (AZERTY's "?" and "+"): Shift is allowed for them only. */
const SHIFTED = new Set(['?', '+']);

/** The part of a key event the shortcuts read (a DOM KeyboardEvent has all of it). */
export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat?: boolean;
  target: EventTarget | null;
}

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

const asElement = (target: EventTarget | null): ElementLike | null => (target !== null && typeof target === 'object' ? (target as ElementLike) : null);

/** Typing in a field: no key is a shortcut there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = asElement(target);
  if (!element) return false;
  const tag = (element.tagName ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (element.isContentEditable) return true;
  return Boolean(element.closest?.('[contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"], [role="searchbox"]'));
}

/** Widgets that use the arrow keys themselves (tabs, sliders, menus, the board's canvas). */
const ARROW_OWNERS =
  '[role="tablist"], [role="radiogroup"], [role="slider"], [role="listbox"], [role="menu"], [role="grid"], [role="tree"], canvas, .board-panel';
/** Widgets that Space activates (a button, a link, a checkbox…): Space presses them, it does not pause. */
const SPACE_OWNERS = 'button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="link"], [role="menuitem"]';

/**
 * The console's action for a key press, or null: never while typing in a field, never with Ctrl, Alt
 * or Cmd held (the browser's own shortcuts), never a held key repeating a step change.
 */
export function shortcutFor(event: ShortcutKeyEvent): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.shiftKey && !SHIFTED.has(key)) return null;
  const action = BY_KEY.get(key) ?? null;
  if (action === null) return null;
  const element = asElement(event.target);
  if (key.startsWith('Arrow') && element?.closest?.(ARROW_OWNERS)) return null;
  if (key === ' ' && element?.closest?.(SPACE_OWNERS)) return null;
  if (event.repeat && (action === 'next' || action === 'previous' || action === 'toggle' || action === 'hand' || action === 'board')) return null;
  return action;
}

/** Listens for the console's shortcuts on the whole page while `enabled`. */
export function useShortcuts(enabled: boolean, onAction: (action: ShortcutAction) => void): void {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (action === null) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
