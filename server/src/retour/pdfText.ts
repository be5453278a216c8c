import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bidiFactory from 'bidi-js';

/**
 * Text for the PDFs in any script residents write: French, Arabic, and both in one line.
 *
 * - Glyphs: DejaVu Sans (package `dejavu-fonts-ttf`, Bitstream Vera licence + public domain), which
 *   covers Latin and Arabic, embedded (subset) by pdfkit.
 * - Shaping: pdfkit hands each run to fontkit, which picks the joined forms (initial, medial, final)
 *   and returns a right-to-left run's glyphs in visual order.
 * - Order: pdfkit itself lays words out left to right only, so a paragraph holding right-to-left text
 *   is wrapped here, and each line is cut into runs of one direction (Unicode bidi algorithm, bidi-js)
 *   drawn in visual order; right-to-left paragraphs are aligned right. Text without right-to-left
 *   characters keeps pdfkit's own layout.
 */
const require = createRequire(import.meta.url);
const fontFile = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));

/** Read once per process: about 700 KB each, subset into every PDF. */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
const FONT = { regular: 'Gommette', bold: 'Gommette-Bold' } as const;

export function registerFonts(doc: PDFKit.PDFDocument): typeof FONT {
  fonts ??= { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  return FONT;
}

const bidi = bidiFactory();
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function hasRtl(text: string): boolean {
  return RTL_CHARS.test(text);
}

/** A piece of one line, in one direction; `rtl` runs are in logical order (fontkit reverses them). */
export interface Run {
  text: string;
  rtl: boolean;
}

export interface BidiLine {
  runs: Run[];
  /** The paragraph's direction: right-to-left lines are aligned right. */
  rtl: boolean;
}

/**
 * Runs of a line (`start`..`end` exclusive in `text`) in visual order: consecutive characters of the
 * same level make a run, then runs are reversed from the highest level down to the lowest odd one
 * (rule L2 of the bidi algorithm). Brackets in right-to-left runs are mirrored.
 */
export function visualRuns(text: string, levels: Uint8Array, start: number, end: number): Run[] {
  const spans: Array<{ start: number; end: number; level: number }> = [];
  for (let i = start; i < end; i++) {
    const level = levels[i] ?? 0;
    const last = spans.at(-1);
    if (last && last.level === level) last.end = i + 1;
    else spans.push({ start: i, end: i + 1, level });
  }
  if (spans.length === 0) return [];
  const highest = Math.max(...spans.map((span) => span.level));
  const lowestOdd = Math.min(...spans.map((span) => span.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < spans.length; ) {
      if (spans[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < spans.length && spans[j]!.level >= level) j++;
      spans.splice(i, j - i, ...spans.slice(i, j).reverse());
      i = j;
    }
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels, start, end - 1);
  return spans.map((span) => {
    let piece = '';
    for (let i = span.start; i < span.end; i++) piece += mirrored.get(i) ?? text[i];
    return { text: piece, rtl: span.level % 2 === 1 };
  });
}

/** Greedy wrapping at spaces (a word wider than the line is cut), then each line's runs in visual order. */
export function bidiLines(text: string, width: number, measure: (piece: string) => number): BidiLine[] {
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text);
  const rtl = (paragraphs[0]?.level ?? 0) % 2 === 1;
  const lines: BidiLine[] = [];
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  let lineStart: number | null = null;
  let lineEnd = 0;
  const flush = () => {
    if (lineStart !== null) lines.push({ runs: visualRuns(text, levels, lineStart, lineEnd), rtl });
    lineStart = null;
  };
  for (const word of words) {
    if (lineStart !== null && measure(text.slice(lineStart, word.end)) <= width) {
      lineEnd = word.end;
      continue;
    }
    flush();
    // A word too long for a line on its own is cut where it overflows.
    let start = word.start;
    while (measure(text.slice(start, word.end)) > width && word.end - start > 1) {
      let cut = start + 1;
      while (cut < word.end && measure(text.slice(start, cut + 1)) <= width) cut++;
      lines.push({ runs: visualRuns(text, levels, start, cut), rtl });
      start = cut;
    }
    lineStart = start;
    lineEnd = word.end;
  }
  flush();
  return lines;
}

/** pdfkit lays a string given `features` as one run (not word by word): fontkit then orders an RTL run whole. */
const WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

/**
 * Writes a paragraph at the cursor, in the current font and size, within the margins; `bullet` puts
 * a list dot before it (on the right for a right-to-left paragraph). Moves the cursor below it.
 */
export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { bullet?: boolean } = {}): void {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const indent = options.bullet ? doc.widthOfString('• ') * 1.5 : 0;
  for (const block of text.split('\n')) {
    if (!hasRtl(block)) {
      const y = doc.y;
      if (options.bullet) doc.text('•', left, y, { lineBreak: false });
      doc.text(block, left + indent, y, { width: full - indent });
      doc.x = left;
      continue;
    }
    const lines = bidiLines(block, full - indent, (piece) => doc.widthOfString(piece, WHOLE_RUN));
    lines.forEach((line, index) => {
      const height = doc.currentLineHeight(true);
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      const widths = line.runs.map((run) => doc.widthOfString(run.text, WHOLE_RUN));
      const lineWidth = widths.reduce((sum, w) => sum + w, 0);
      let x = line.rtl ? left + full - indent - lineWidth : left + indent;
      if (options.bullet && index === 0) doc.text('•', line.rtl ? left + full - indent / 1.5 : left, y, { lineBreak: false });
      line.runs.forEach((run, i) => {
        doc.text(run.text, x, y, { lineBreak: false, ...WHOLE_RUN });
        x += widths[i] ?? 0;
      });
      doc.x = left;
      doc.y = y + height;
    });
  }
}
