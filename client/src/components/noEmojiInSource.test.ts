import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No component writes an emoji or pictograph of its own: the interface's symbols are lucide SVG
 * icons (an emoji shows as an empty box without an emoji font). Emoji residents type reach the
 * screen as data, never from the source. Comments are not drawn and are skipped.
 */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{2700}-\u{27BF}\u{2B00}-\u{2BFF}]/u;
const SRC = fileURLToPath(new URL('..', import.meta.url));

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** `file:line: text` for each line of code (not comment) that holds a pictograph. */
function pictographLines(name: string, source: string): string[] {
  const found: string[] = [];
  let inBlockComment = false;
  source.split('\n').forEach((line, index) => {
    let code = line;
    if (inBlockComment) {
      const end = code.indexOf('*/');
      if (end === -1) return;
      code = code.slice(end + 2);
      inBlockComment = false;
    }
    code = code.replace(/\/\*.*?\*\//g, '').replace(/\{\s*\/\*.*$/, '');
    const start = code.indexOf('/*');
    if (start !== -1) {
      inBlockComment = true;
      code = code.slice(0, start);
    }
    if (/^\s*\/\//.test(code)) return;
    if (PICTOGRAPH.test(code)) found.push(`${name}:${index + 1}: ${line.trim()}`);
  });
  return found;
}

describe('the components', () => {
  const files = componentFiles(SRC);

  it('are all read', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('write no emoji or pictograph in their source', () => {
    const found = files.flatMap((file) => pictographLines(relative(SRC, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch one in a JSX text or a string, not in a comment', () => {
    const sample = ['<h2>', '  <span aria-hidden="true">🪑 </span>', "  {ok ? 'Placée ✓' : ''}", '  /** A 👁 in a comment. */', '</h2>'].join('\n');
    expect(pictographLines('Sample.tsx', sample)).toEqual(['Sample.tsx:2: <span aria-hidden="true">🪑 </span>', "Sample.tsx:3: {ok ? 'Placée ✓' : ''}"]);
  });
});
