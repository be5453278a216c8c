import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The files of deploy/ are checked by the tools that will read them: Caddy and systemd. */
const deploy = path.resolve(import.meta.dirname, '../../deploy');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';

describe('deploy/: Caddy configurations', () => {
  for (const file of ['Caddyfile', 'Caddyfile.lan', 'Caddyfile.cluster']) {
    it(`caddy validate accepts ${file}`, () => {
      // scripts/ensure-test-tools.sh installs Debian's caddy for the test command.
      const run = spawnSync('caddy', ['validate', '--adapter', 'caddyfile', '--config', path.join(deploy, file)], { encoding: 'utf8' });
      expect(run.error, 'caddy is not installed: run scripts/ensure-test-tools.sh').toBeUndefined();
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr + run.stdout).toContain('Valid configuration');
    }, 20_000);
  }

  it('proxies to the node, sends HSTS, balances the cluster with a sticky cookie and health checks', () => {
    const single = fs.readFileSync(path.join(deploy, 'Caddyfile'), 'utf8');
    expect(single).toMatch(/reverse_proxy 127\.0\.0\.1:3000/);
    expect(single).toMatch(/Strict-Transport-Security/);
    expect(fs.readFileSync(path.join(deploy, 'Caddyfile.lan'), 'utf8')).toMatch(/^\s*tls internal$/m);
    const cluster = fs.readFileSync(path.join(deploy, 'Caddyfile.cluster'), 'utf8');
    expect(cluster).toMatch(/lb_policy cookie/);
    expect(cluster).toMatch(/health_uri \/healthz/);
  });
});

describe.runIf(fs.existsSync(SYSTEMD_ANALYZE))('deploy/: systemd units', () => {
  for (const unit of ['gommette.service', 'gommette@.service', 'gommette-backup.service', 'gommette-backup.timer']) {
    it(`systemd-analyze verify accepts ${unit} with no warning`, () => {
      const run = spawnSync(SYSTEMD_ANALYZE, ['verify', path.join(deploy, unit)], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr.trim()).toBe('');
    }, 20_000);
  }
});

describe('deploy/gommette.env.example', () => {
  it('names every variable of server/src/config.ts', () => {
    const config = fs.readFileSync(path.resolve(import.meta.dirname, '../src/config.ts'), 'utf8');
    const schema = config.slice(config.indexOf('z.object({'), config.indexOf('});'));
    const variables = [...schema.matchAll(/^\s+([A-Z][A-Z_]+):/gm)].map((match) => match[1]);
    expect(variables.length).toBeGreaterThan(10);
    const example = fs.readFileSync(path.join(deploy, 'gommette.env.example'), 'utf8');
    for (const name of variables) expect(example, name).toMatch(new RegExp(`^#?${name}=`, 'm'));
    expect(example).toMatch(/^TRUST_PROXY=1$/m);
    expect(example).toMatch(/^PUBLIC_URL=https:/m);
  });
});

describe('deploy/gommette-backup.service', () => {
  it('runs the compiled backup command as the service user, into a directory it may write', () => {
    const unit = fs.readFileSync(path.join(deploy, 'gommette-backup.service'), 'utf8');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node .*\/dist\/server\/gommette\.mjs backup$/m);
    expect(unit).toMatch(/^User=gommette$/m);
    const backupDir = /^Environment=BACKUP_DIR=\/var\/lib\/(.+)$/m.exec(unit)?.[1];
    expect(backupDir).toBeDefined();
    expect(unit).toMatch(new RegExp(`^StateDirectory=.*\\b${backupDir}\\b`, 'm'));
    expect(fs.readFileSync(path.join(deploy, 'gommette-backup.timer'), 'utf8')).toMatch(/^OnCalendar=/m);
  });
});
