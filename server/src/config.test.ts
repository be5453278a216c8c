import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, readConfig } from './config';

const root = path.resolve(import.meta.dirname, '../..');

describe('readConfig: CLIENT_DIR', () => {
  it('defaults to dist/client at the project root, from the sources and from the bundle in dist/server', () => {
    expect(readConfig({}).clientDir).toBe(path.join(root, 'dist/client'));
    expect(projectRoot(path.join(root, 'server/src'))).toBe(root);
    expect(projectRoot(path.join(root, 'dist/server'))).toBe(root);
  });
});

describe('readConfig: the store', () => {
  it('uses SQLite in DATA_DIR when DATABASE_URL is unset', () => {
    expect(readConfig({}).databaseUrl).toBeNull();
  });

  it('takes a postgres:// or postgresql:// DATABASE_URL, with a unix socket too', () => {
    for (const url of [
      'postgres://gommette:secret@db.example:5432/gommette',
      'postgresql://localhost/gommette',
      'postgres:///gommette?host=/var/run/postgresql',
    ]) {
      expect(readConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('stops at start-up on another kind of URL, naming the variable', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://localhost/gommette' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'gommette.sqlite' })).toThrow(/DATABASE_URL/);
  });
});
