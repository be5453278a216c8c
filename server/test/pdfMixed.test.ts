import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph, registerFonts, resetFontsForTest } from '../src/retour/pdfText';

/** A one-page PDF holding the paragraphs, drawn the way the workshop and brief PDFs draw theirs. */
function pdfOf(paragraphs: string[], options: { bullet?: boolean; bold?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const fonts = registerFonts(doc);
    doc.font(fonts.regular).fontSize(14);
    for (const text of paragraphs) paragraph(doc, text, options);
    doc.end();
  });
}

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  return text;
}

/** Page 1 in grey levels, drawn by poppler's pdftoppm (installed by scripts/ensure-test-tools.sh). */
function pixels(pdf: Buffer): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gommette-pdf-'));
  try {
    writeFileSync(path.join(dir, 'p.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'p.pdf'), path.join(dir, 'page')]);
    return readFileSync(path.join(dir, 'page.pgm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const inked = (page: Buffer) => page.subarray(40).filter((value) => value < 128).length;

afterEach(() => resetFontsForTest({ emoji: true }));

describe('PDF lines mixing Arabic and French', () => {
  it("draws an Arabic idea's line right to left with the site name and the count in their own order", async () => {
    // The workshop PDF's idea line: text, site in brackets, count.
    const text = await textOf(await pdfOf(['لعبة للأطفال (Maison de quartier Nord) — 2 gommette(s)'], { bullet: true }));
    const line = text.split('\n').find((l) => l.includes('gommette')) ?? '';
    // Read left to right on the page: the count, the dash, the bracketed site, then the Arabic words.
    expect(line).toMatch(/2 gommette\(s\) — \(Maison de quartier Nord\)/);
    expect(line).not.toContain('gommette(s)(');
    expect(line.indexOf('Maison')).toBeLessThan(line.indexOf('للأطفال') === -1 ? Infinity : line.indexOf('للأطفال'));
  });

  it('keeps a French line with an Arabic phrase in French order', async () => {
    const text = await textOf(await pdfOf(['Le sac (حقيبة) — 3 gommette(s)']));
    expect(text).toContain('Le sac (');
    expect(text).toContain(') — 3 gommette(s)');
  });
});

describe('PDF emoji', () => {
  it('draws emoji with a font that has them: two emoji do not print as the same empty box', async () => {
    const [tree, party] = await Promise.all([pdfOf(['Un jardin 🌳 ici']), pdfOf(['Un jardin 🎉 ici'])]);
    const a = pixels(tree);
    const b = pixels(party);
    expect(a.equals(b)).toBe(false);
    // And in an Arabic line too, in bold.
    const [c, d] = await Promise.all([pdfOf(['حديقة 🌳'], { bold: true }), pdfOf(['حديقة 🎉'], { bold: true })]);
    expect(pixels(c).equals(pixels(d))).toBe(false);
  });

  it('still makes the PDF when the emoji font is missing (emoji then print as boxes)', async () => {
    resetFontsForTest({ emoji: false });
    const pdf = await pdfOf(['Un jardin 🌳 ici', 'حديقة 🎉 (Nord)']);
    expect(inked(pixels(pdf))).toBeGreaterThan(100);
    expect(await textOf(pdf)).toContain('Un jardin');
  });
});

describe('PDF order with emoji in an Arabic line', () => {
  it('treats emoji as neutral: in a right-to-left paragraph they keep their place, right to left', async () => {
    const { bidiLines, runPieces } = await import('../src/retour/pdfText');
    const [line] = bidiLines('حديقة 🌳 (Nord) 🎉', 500, (piece) => piece.length);
    const drawn = (line?.runs ?? [])
      .flatMap(runPieces)
      .map((piece) => piece.text)
      .join('');
    // Left to right on the page: the last emoji first, the Arabic word at the right end (fontkit reverses it).
    expect(drawn).toBe('🎉 (Nord) 🌳 حديقة');
  });
});
