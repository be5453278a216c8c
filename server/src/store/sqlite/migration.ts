export interface Migration {
  version: number;
  sql: string;
}
