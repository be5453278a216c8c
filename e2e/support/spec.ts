import { test } from '@playwright/test';
import type { CreateWorkshopBody, CreateWorkshopResponse } from '@gommette/shared';
import { Devices } from './devices';
import { ServerProcess } from './serverProcess';

/** The spec's server, reachable once the spec's `beforeAll` started it. */
export class SpecServer {
  private process: ServerProcess | null = null;

  async start(): Promise<void> {
    this.process = await ServerProcess.start();
  }

  private get current(): ServerProcess {
    if (!this.process) throw new Error('the spec server is not started');
    return this.process;
  }

  get url(): string {
    return this.current.url;
  }

  kill(): Promise<void> {
    return this.current.kill();
  }

  boot(): Promise<void> {
    return this.current.boot();
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }
}

/** One server and the browser contexts of a spec file: started before its tests, all closed after. */
export function specSetup(): { server: SpecServer; devices: Devices } {
  const server = new SpecServer();
  const devices = new Devices();
  test.beforeAll(async () => {
    await server.start();
  });
  test.afterAll(async () => {
    await devices.closeAll();
    await server.stop();
  });
  return { server, devices };
}

/** A workshop made through the REST API (the field's question and purpose unless overridden). */
export async function createWorkshopByApi(url: string, overrides: Partial<CreateWorkshopBody> = {}): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Être acteur de son quartier',
      question: 'Comment aider les personnes sans abri dans leur quotidien ?',
      purpose: 'Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social.',
      sites: [{ name: 'Centre social' }],
      ...overrides,
    }),
  });
  if (response.status !== 201) throw new Error(`workshop creation failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateWorkshopResponse;
}
