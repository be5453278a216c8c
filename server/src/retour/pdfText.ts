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
 * - Emoji: DejaVu has none, so emoji (graphemes with emoji presentation) are drawn in Noto Emoji, the
 *   monochrome one (package `@expo-google-fonts/noto-emoji`, OFL), also embedded as a subset. If that
 *   package is missing the PDF is still made, emoji then print as DejaVu's empty boxes (logged once).
 * - Order: pdfkit itself lays words out left to right only, so a paragraph holding right-to-left text
 *   or emoji is wrapped here, and each line is cut into runs of one direction (Unicode bidi algorithm,
 *   bidi-js, base direction from the paragraph's first strong character) drawn in visual order;
 *   right-to-left paragraphs are aligned right. Text without either keeps pdfkit's own layout.
 */
const require = createRequire(import.meta.url);
const fontFile = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));

function emojiFile(weight: '400Regular' | '700Bold'): Buffer | null {
  try {
    return readFileSync(require.resolve(`@expo-google-fonts/noto-emoji/${weight}/NotoEmoji_${weight}.ttf`));
  } catch (error) {
    console.warn(`PDF: no emoji font (@expo-google-fonts/noto-emoji), emoji print as boxes: ${(error as Error).message}`);
    return null;
  }
}

/** Read once per process: about 700 KB (DejaVu) and 900 KB (Noto Emoji) each, subset into every PDF. */
let fonts: { regular: Buffer; bold: Buffer; emoji: Buffer | null; emojiBold: Buffer | null } | null = null;
const FONT = { regular: 'Gommette', bold: 'Gommette-Bold' } as const;
const EMOJI = { regular: 'Gommette-Emoji', bold: 'Gommette-Emoji-Bold' } as const;
/** Whether each document has the emoji fonts registered. */
const withEmoji = new WeakMap<PDFKit.PDFDocument, boolean>();

export function registerFonts(doc: PDFKit.PDFDocument): typeof FONT {
  if (!fonts) {
    const emoji = emojiFile('400Regular');
    fonts = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf'), emoji, emojiBold: emoji ? (emojiFile('700Bold') ?? emoji) : null };
  }
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  if (fonts.emoji && fonts.emojiBold) {
    doc.registerFont(EMOJI.regular, fonts.emoji);
    doc.registerFont(EMOJI.bold, fonts.emojiBold);
  }
  withEmoji.set(doc, Boolean(fonts.emoji));
  return FONT;
}

/** For tests: forget the fonts read, and read them without the emoji font (as if the package were missing). */
export function resetFontsForTest(options: { emoji: boolean }): void {
  fonts = null;
  if (!options.emoji) fonts = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf'), emoji: null, emojiBold: null };
}

/** A grapheme shown as an emoji: emoji presentation by default, or asked for with U+FE0F (keycaps too). */
const EMOJI_GRAPHEME = /\p{Emoji_Presentation}|\p{Emoji}\uFE0F/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function hasEmoji(text: string): boolean {
  return EMOJI_GRAPHEME.test(text);
}

/** A piece drawn in one font, in the order it is drawn (left to right). */
export interface Piece {
  text: string;
  emoji: boolean;
}

/**
 * The pieces of one run, left to right on the page. A left-to-right run keeps its order; a
 * right-to-left run is reversed: fontkit reverses a piece itself only when it holds right-to-left
 * letters, so pieces without them (brackets, dashes, emoji) are reversed here grapheme by grapheme.
 */
export function runPieces(run: Run): Piece[] {
  const pieces: Piece[] = [];
  for (const { segment } of graphemes.segment(run.text)) {
    const emoji = EMOJI_GRAPHEME.test(segment);
    const last = pieces.at(-1);
    if (last && last.emoji === emoji) last.text += segment;
    else pieces.push({ text: segment, emoji });
  }
  if (!run.rtl) return pieces;
  const reversed = (text: string) =>
    [...graphemes.segment(text)]
      .map((g) => g.segment)
      .reverse()
      .join('');
  const visual: Piece[] = [];
  for (const piece of pieces.reverse()) {
    const core = piece.emoji ? null : RTL_CORE.exec(piece.text);
    if (!core) {
      visual.push({ ...piece, text: reversed(piece.text) });
      continue;
    }
    // Neutrals around the right-to-left letters are drawn apart, so each drawn string starts and ends
    // with a letter: text taken out of the PDF (copy, search) then keeps brackets on the right side.
    const [, before = '', letters = '', after = ''] = core;
    if (after) visual.push({ text: reversed(after), emoji: false });
    visual.push({ text: letters, emoji: false });
    if (before) visual.push({ text: reversed(before), emoji: false });
  }
  return visual;
}

const bidi = bidiFactory();
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** The stretch of a string from its first right-to-left letter to its last. */
const RTL_CORE = new RegExp(`^(.*?)(${RTL_CHARS.source}(?:.*${RTL_CHARS.source})?)(.*)$`, 'su');

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
    for (let i = 0; i < spans.length;) {
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

/**
 * bidi-js reads UTF-16 code units, so the halves of a character beyond U+FFFF (emoji, mostly) would
 * count as left-to-right letters and pull the neutrals around them into a left-to-right run. Each
 * such character is replaced, for the algorithm only, by two code units of the same bidi class: a
 * right-to-left letter for the right-to-left blocks, a left-to-right one for other letters and
 * digits, else a neutral ('~'). Same length, so levels index the original text.
 */
function bmpStandIn(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (pair) => {
    const code = pair.codePointAt(0) ?? 0;
    if (code >= 0x1ee00 && code <= 0x1eeff) return '\u0627\u0627';
    if ((code >= 0x10800 && code <= 0x10fff) || (code >= 0x1e800 && code <= 0x1efff)) return '\u05d0\u05d0';
    return /[\p{L}\p{N}]/u.test(pair) ? 'aa' : '~~';
  });
}

/** Greedy wrapping at spaces (a word wider than the line is cut), then each line's runs in visual order. */
export function bidiLines(text: string, width: number, measure: (piece: string) => number): BidiLine[] {
  const { levels, paragraphs } = bidi.getEmbeddingLevels(bmpStandIn(text));
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
export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { bullet?: boolean; bold?: boolean } = {}): void {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const base = options.bold ? FONT.bold : FONT.regular;
  const emojiFont = withEmoji.get(doc) ? (options.bold ? EMOJI.bold : EMOJI.regular) : base;
  doc.font(base);
  const indent = options.bullet ? doc.widthOfString('• ') * 1.5 : 0;
  /** Width of pieces in their fonts; the base font is current again afterwards. */
  const widthOf = (pieces: Piece[]) => {
    let width = 0;
    for (const piece of pieces) width += doc.font(piece.emoji ? emojiFont : base).widthOfString(piece.text, WHOLE_RUN);
    doc.font(base);
    return width;
  };
  const runWidth = (run: Run) => widthOf(runPieces(run));
  for (const block of text.split('\n')) {
    if (!hasRtl(block) && !hasEmoji(block)) {
      const y = doc.y;
      if (options.bullet) doc.text('•', left, y, { lineBreak: false });
      doc.text(block, left + indent, y, { width: full - indent });
      doc.x = left;
      continue;
    }
    const lines = bidiLines(block, full - indent, (piece) => runWidth({ text: piece, rtl: false }));
    lines.forEach((line, index) => {
      const height = doc.currentLineHeight(true);
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      const widths = line.runs.map(runWidth);
      const lineWidth = widths.reduce((sum, w) => sum + w, 0);
      let x = line.rtl ? left + full - indent - lineWidth : left + indent;
      if (options.bullet && index === 0) doc.text('•', line.rtl ? left + full - indent / 1.5 : left, y, { lineBreak: false });
      for (const run of line.runs) {
        for (const piece of runPieces(run)) {
          doc.font(piece.emoji ? emojiFont : base);
          doc.text(piece.text, x, y, { lineBreak: false, ...WHOLE_RUN });
          x += doc.widthOfString(piece.text, WHOLE_RUN);
        }
      }
      doc.font(base);
      doc.x = left;
      doc.y = y + height;
    });
  }
}
