/**
 * Every id in a REST path is checked before it reaches the store: the routes are listed from the
 * app's own routers, and each parameter of each route gets bad values (too long, wrong
 * characters, '../', unicode, bytes that are not UTF-8, empty). All answer 400 `bad_request`
 * (an empty segment matches no route, or a shorter sibling: never a 2xx or a 5xx).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATH_PARAM_SCHEMAS } from '../src/http/guards';
import { newToken } from '../src/security/tokens';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

interface Route {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route of the express app, from its routers (nested ones included). */
function listRoutes(server: TestServer): Route[] {
  const app = server.app.express as unknown as { router: { stack: Layer[] } };
  const routes: Route[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods))
          if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path: layer.route.path });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk(app.router.stack);
  return routes;
}

/** Raw bytes in the path, exactly as written (no URL normalisation of '..' or of '%2e'). */
function request(method: string, rawPath: string): Promise<{ status: number; code: string | undefined }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: rawPath, headers: { authorization: `Bearer ${newToken()}`, 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(body) as { code?: string }).code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, code });
        });
      },
    );
    req.on('error', reject);
    req.end(method === 'GET' || method === 'DELETE' ? undefined : '{}');
  });
}

/** A value of the right shape for each parameter, to hold the others while one is broken. */
const GOOD: Record<string, string> = {
  id: 'abcdefghijklmnop',
  workshopId: 'abcdefghijklmnop',
  centreId: 'abcdefghijklmnop',
  briefId: 'abcdefghijklmnop',
  seriesId: 'abcdefghijklmnop',
  templateId: 'co-design',
  accountId: 'abcdefghijklmnop',
  joinCode: 'ABCDEF',
  file: 'ideas.csv',
  role: 'helper',
  linkId: 'initial',
  siteId: 'abcdefghijklmnop',
};

const BAD = [
  'a'.repeat(65),
  'a'.repeat(5_000),
  "x'%20OR%201=1%20--",
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%3Cscript%3E',
  '%C3%A9t%C3%A9', // "été"
  '%E2%80%AEabcdefgh', // right-to-left override
  '%F0%9F%98%80abcdef', // an emoji
  '%00abcdefgh',
  '%FF%FE', // not UTF-8
  'abc%20def%3B',
];

describe('ids in REST paths', () => {
  const routes = () => listRoutes(server).filter((route) => route.path.startsWith('/api/'));

  it('knows the shape of every parameter of every route', () => {
    const names = new Set(routes().flatMap((route) => [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!)));
    expect(routes().length).toBeGreaterThan(40);
    expect([...names].filter((name) => !(name in PATH_PARAM_SCHEMAS))).toEqual([]);
    expect([...names].filter((name) => !(name in GOOD))).toEqual([]);
  });

  it('answers 400 bad_request to a malformed id in any route, before the store', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const route of routes()) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
      for (const param of params) {
        for (const bad of [...BAD, ...(param === 'file' ? ['ideas.exe', 'IDEAS.CSV'] : [])]) {
          const rawPath = route.path.replace(/:(\w+)/g, (_match, name: string) => (name === param ? bad : GOOD[name]!));
          const answer = await request(route.method, rawPath);
          tried++;
          if (answer.status !== 400 || answer.code !== 'bad_request') wrong.push(`${route.method} ${rawPath.slice(0, 80)} → ${answer.status} ${answer.code}`);
        }
        const empty = route.path.replace(/:(\w+)/g, (_match, name: string) => (name === param ? '' : GOOD[name]!));
        const answer = await request(route.method, empty);
        tried++;
        // An empty segment matches no route, or a shorter sibling (`/briefs/` is `/briefs`): never a 2xx or a 5xx.
        if (answer.status < 400 || answer.status >= 500) wrong.push(`${route.method} ${empty} (empty) → ${answer.status} ${answer.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(400);
  }, 60_000);
});
