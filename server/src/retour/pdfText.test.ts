import { describe, expect, it } from 'vitest';
import { bidiLines, hasRtl } from './pdfText';

/** One unit per character: enough to test wrapping and order without a font. */
const measure = (piece: string) => piece.length;
const runsOf = (text: string, width = 200) =>
  bidiLines(text, width, measure).map((line) => ({ rtl: line.rtl, runs: line.runs.map((run) => [run.text, run.rtl]) }));

describe('PDF text order', () => {
  it('keeps a French line as one left-to-right run', () => {
    expect(hasRtl('Le sac à dos')).toBe(false);
    expect(runsOf('Le sac à dos')).toEqual([{ rtl: false, runs: [['Le sac à dos', false]] }]);
  });

  it('puts an Arabic phrase inside a French line in its place, as one right-to-left run in logical order', () => {
    expect(runsOf('Le sac — حقيبة الظهر — en mars')).toEqual([
      {
        rtl: false,
        runs: [
          ['Le sac — ', false],
          ['حقيبة الظهر', true],
          [' — en mars', false],
        ],
      },
    ]);
  });

  it('orders an Arabic paragraph right to left, French words and numbers kept left to right, brackets mirrored', () => {
    const [line] = runsOf('نريد مكانا مع Maraude du soir في (2026)');
    expect(line?.rtl).toBe(true);
    // Runs in visual order, left to right (the end of the sentence first); inside a right-to-left run the
    // characters stay in logical order, brackets mirrored, and fontkit draws them reversed: "(2026) في".
    expect(line?.runs).toEqual([
      ['(', true],
      ['2026', false],
      [' في )', true],
      ['Maraude du soir', false],
      ['نريد مكانا مع ', true],
    ]);
  });

  it('wraps at spaces before ordering each line, and cuts a word longer than a line', () => {
    const lines = bidiLines('كلمة كلمة كلمة', 10, measure);
    expect(lines.map((line) => line.runs.map((run) => run.text).join(''))).toEqual(['كلمة كلمة', 'كلمة']);
    expect(bidiLines('abcdefghij', 4, measure).map((line) => line.runs[0]?.text)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
