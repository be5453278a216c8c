/**
 * The README's "Architecture in one screen" names only folders and files that exist: a folder
 * moved or renamed without its line in the README fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PATH_TOKEN = /^[\w.-]+(\/|\.tsx?)$/;

/** The section's text, from its heading to the next one. */
function architectureSection(readme: string): string {
  const start = readme.indexOf('## Architecture in one screen');
  if (start < 0) throw new Error('the README has no "Architecture in one screen" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/**
 * Every path the section names: in the tree drawing, a line at the margin opens a folder
 * (`server/src/   …`) and the path-shaped words that start a line indented by two spaces are in
 * it (`  vote/  board/   …`); outside the drawing, paths in backquotes and links.
 */
function namedPaths(section: string): string[] {
  const paths = new Set<string>();
  const drawing = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  let folder = '';
  for (const line of drawing.split('\n')) {
    if (/^\S/.test(line)) {
      const first = line.split(/\s+/)[0] ?? '';
      folder = first.endsWith('/') ? first : '';
      if (folder) paths.add(folder);
      continue;
    }
    if (!folder || !/^ {2}\S/.test(line)) continue;
    for (const word of line.trim().split(/\s+/)) {
      if (!PATH_TOKEN.test(word)) break;
      paths.add(folder + word);
    }
  }
  const prose = section.replace(/```[\s\S]*?```/g, '');
  for (const [, quoted] of prose.matchAll(/`([\w./-]+\/[\w./-]+)`/g)) paths.add(quoted!);
  for (const [, linked] of prose.matchAll(/\]\(([\w./-]+)\)/g)) paths.add(linked!);
  return [...paths];
}

describe("the README's architecture section", () => {
  const section = architectureSection(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  const paths = namedPaths(section);

  it('names the folders of the three packages', () => {
    expect(paths).toEqual(expect.arrayContaining(['shared/src/', 'server/src/', 'client/src/', 'server/src/realtime/', 'server/src/store/']));
  });

  it('names only paths that exist', () => {
    const missing = paths.filter((named) => !fs.existsSync(path.join(ROOT, named)));
    expect(missing).toEqual([]);
  });

  it('would catch a folder that does not exist', () => {
    const stale = namedPaths('## Architecture in one screen\n```\nserver/src/   x\n  services/  http/   y\n```\n');
    expect(stale.filter((named) => !fs.existsSync(path.join(ROOT, named)))).toEqual(['server/src/services/']);
  });
});
