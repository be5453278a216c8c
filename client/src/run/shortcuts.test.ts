import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type ShortcutKeyEvent } from './shortcuts';

/** A stand-in for a DOM element: its tag, and the selectors it sits inside. */
function element(tagName: string, inside: string[] = [], isContentEditable = false): EventTarget {
  return {
    tagName,
    isContentEditable,
    closest: (selector: string) => (selector.split(',').some((part) => inside.includes(part.trim())) ? {} : null),
  } as unknown as EventTarget;
}

const body = element('BODY');
const press = (key: string, extra: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  target: body,
  ...extra,
});

describe('the console shortcuts', () => {
  it('moves steps with a clicker (PageDown/PageUp) and the arrows', () => {
    expect(shortcutFor(press('PageDown'))).toBe('next');
    expect(shortcutFor(press('PageUp'))).toBe('previous');
    expect(shortcutFor(press('ArrowRight'))).toBe('next');
    expect(shortcutFor(press('ArrowLeft'))).toBe('previous');
  });

  it('pauses, adds a minute, raises the hand, opens the board, reveals, helps', () => {
    expect(shortcutFor(press(' '))).toBe('toggle');
    expect(shortcutFor(press('p'))).toBe('toggle');
    expect(shortcutFor(press('P'))).toBe('toggle'); // Caps Lock on
    expect(shortcutFor(press('P', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('m'))).toBe('plus1');
    expect(shortcutFor(press('+'))).toBe('plus1');
    expect(shortcutFor(press('+', { shiftKey: true }))).toBe('plus1');
    expect(shortcutFor(press('h'))).toBe('hand');
    expect(shortcutFor(press('t'))).toBe('board');
    expect(shortcutFor(press('r'))).toBe('reveal');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('Enter'))).toBeNull();
  });

  it('never fires while typing in a field', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(shortcutFor(press('PageDown', { target: element(tag) }))).toBeNull();
      expect(shortcutFor(press('h', { target: element(tag) }))).toBeNull();
      expect(shortcutFor(press(' ', { target: element(tag) }))).toBeNull();
    }
    expect(shortcutFor(press('r', { target: element('DIV', [], true) }))).toBeNull();
    expect(shortcutFor(press('r', { target: element('SPAN', ['[contenteditable]:not([contenteditable="false"])']) }))).toBeNull();
    expect(isTypingTarget(element('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('never fires with a modifier held (the browser and the system keep their shortcuts)', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(shortcutFor(press('PageDown', { [modifier]: true }))).toBeNull();
      expect(shortcutFor(press('r', { [modifier]: true }))).toBeNull();
      expect(shortcutFor(press('?', { [modifier]: true, shiftKey: true }))).toBeNull();
    }
    expect(shortcutFor(press('PageDown', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('h', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press(' ', { shiftKey: true }))).toBeNull();
  });

  it('leaves the arrows to tabs and the board, and Space to the focused button', () => {
    expect(shortcutFor(press('ArrowRight', { target: element('BUTTON', ['[role="tablist"]']) }))).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { target: element('DIV', ['.board-panel']) }))).toBeNull();
    expect(shortcutFor(press('PageDown', { target: element('BUTTON', ['[role="tablist"]']) }))).toBe('next');
    expect(shortcutFor(press(' ', { target: element('BUTTON', ['button']) }))).toBeNull();
    expect(shortcutFor(press('p', { target: element('BUTTON', ['button']) }))).toBe('toggle');
  });

  it('does not skip steps when a key is held down', () => {
    expect(shortcutFor(press('PageDown', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('h', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('+', { repeat: true }))).toBe('plus1');
  });
});
