import { stringify } from 'csv-stringify/sync';

/** A value of a table the product exports; null is an empty cell. */
export type CsvCell = string | number | boolean | null;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return that it strips
 * first) as a formula: prefix it with a quote. This is the one place where that rule lives.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cellText(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/**
 * The one CSV writer of the product: RFC 4180 quoting by csv-stringify, every cell neutralised
 * against formulas, UTF-8 with a byte-order mark so spreadsheets open accents and Arabic right,
 * CRLF line ends. Every CSV route sends what this returns.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const safe = rows.map((row) => row.map((value) => safeCell(cellText(value))));
  return '\uFEFF' + stringify(safe, { record_delimiter: 'windows' });
}

/**
 * Records as a table: a header row (each column's `header`, by default its machine name; even when
 * there are no records), then one row each.
 */
export function tableCsv(
  records: ReadonlyArray<Readonly<Record<string, CsvCell>>>,
  columns: ReadonlyArray<string>,
  header: (column: string) => string = (column) => column,
): string {
  return toCsv([columns.map(header), ...records.map((record) => columns.map((column) => record[column] ?? null))]);
}
