import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV (quotes, commas and line breaks inside cells), UTF-8 with a byte-order mark so
 * spreadsheets open accents and Arabic right, CRLF line ends.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return '\uFEFF' + stringify(rows as string[][], { record_delimiter: 'windows' });
}

/** A spreadsheet would run a cell starting with = + - @ as a formula: prefix it with a quote. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function safeRows(rows: ReadonlyArray<ReadonlyArray<string>>): string[][] {
  return rows.map((row) => row.map(safeCell));
}
