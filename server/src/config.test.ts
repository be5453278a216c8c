import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig: the store', () => {
  it('uses SQLite in DATA_DIR when DATABASE_URL is unset', () => {
    expect(readConfig({}).databaseUrl).toBeNull();
  });

  it('takes a postgres:// or postgresql:// DATABASE_URL, with a unix socket too', () => {
    for (const url of ['postgres://gommette:secret@db.example:5432/gommette', 'postgresql://localhost/gommette', 'postgres:///gommette?host=/var/run/postgresql']) {
      expect(readConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('stops at start-up on another kind of URL, naming the variable', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://localhost/gommette' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'gommette.sqlite' })).toThrow(/DATABASE_URL/);
  });
});
