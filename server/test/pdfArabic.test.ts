import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Brief, PhaseSpec } from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, startServer, type ClientSocket, type TestServer } from './helpers';

const phases: PhaseSpec[] = [{ id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 0 }];
const ARABIC_TITLE = 'حقيبة ظهر متينة';
const MIXED_SOLUTION = 'Un sac à dos — حقيبة تضامنية — fabriqué avec les jeunes en 2027.';
const ARABIC_IDEA = 'خزانة تضامنية في المركز';

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server.close();
});

async function briefPdf(): Promise<Buffer> {
  const workshop = await createWorkshop(server.url, ['Centre social'], { phases });
  const auth = { authorization: `Bearer ${workshop.facilitatorToken}`, 'content-type': 'application/json' };
  const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  sockets.push(facilitator.socket);
  expect(await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 0 })).toMatchObject({ ok: true });
  const resident = await joinAs(server.url, workshop.sites[0]!.joinCode);
  const phone = await connect(server.url, { role: 'participant', token: resident.participantToken });
  sockets.push(phone.socket);
  const ideaId = clientId();
  expect(await emitWithAck(phone.socket, 'idea:post', { id: ideaId, text: ARABIC_IDEA })).toMatchObject({ ok: true });

  const base = `${server.url}/api/workshops/${workshop.id}/briefs`;
  const created = await fetch(base, { method: 'POST', headers: auth, body: JSON.stringify({ title: ARABIC_TITLE, ideaIds: [ideaId] }) });
  expect(created.status).toBe(201);
  const brief = (await created.json()) as Brief;
  const edited = await fetch(`${base}/${brief.id}`, { method: 'PUT', headers: auth, body: JSON.stringify({ solution: MIXED_SOLUTION }) });
  expect(edited.status).toBe(200);
  const pdf = await fetch(`${base}/${brief.id}/export.pdf`, { headers: auth });
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await pdf.arrayBuffer());
}

/** Page 1 in grey levels (PGM), drawn by poppler's pdftoppm (installed by scripts/ensure-test-tools.sh). */
function renderFirstPage(pdf: Buffer, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gommette-pdf-'));
  try {
    writeFileSync(path.join(dir, 'brief.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'brief.pdf'), path.join(dir, 'page')]);
    const file = readFileSync(path.join(dir, 'page.pgm'));
    // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM file');
    return { width: Number(header[1]), height: Number(header[2]), pixels: file.subarray(header[0].length) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PDF in Arabic', () => {
  it('embeds a font that draws Arabic: the words come back out of the PDF, never as "?"', async () => {
    const pdf = await briefPdf();
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    for (const word of ['حقيبة', 'متينة', 'تضامنية', 'خزانة', 'المركز']) expect(text).toContain(word);
    expect(text).toContain('Un sac à dos');
    expect(text).toContain('fabriqué avec les jeunes en 2027.');
    expect(text).not.toContain('???');
  });

  it('aligns an Arabic title to the right (pdftoppm rendering)', async () => {
    const dpi = 50;
    const page = renderFirstPage(await briefPdf(), dpi);
    // The title is the first line: 56 pt margin, 20 pt text.
    const top = Math.floor((56 / 72) * dpi);
    const bottom = Math.ceil(((56 + 26) / 72) * dpi);
    const inked: number[] = [];
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < page.width; x++) if ((page.pixels[y * page.width + x] ?? 255) < 128) inked.push(x);
    }
    expect(inked.length).toBeGreaterThan(50);
    const rightEdge = page.width - Math.floor((56 / 72) * dpi);
    // Right to left: the line ends at the right margin and starts past the middle of the page.
    expect(Math.max(...inked)).toBeGreaterThan(rightEdge - 8);
    expect(Math.min(...inked)).toBeGreaterThan(page.width / 2);
  });
});
