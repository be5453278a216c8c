import { expect, type Page } from '@playwright/test';

export interface CreatedLinks {
  facilitatorUrl: string;
  screenUrl: string;
  helperUrl: string;
}

/** The facilitator's start page: create a workshop. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
  }

  /** The method: a template by its value ('co-design', 'free'…), then adjustments. */
  async chooseMethod(options: { template: string; tables?: number; safeMode?: boolean; minutes?: Record<number, number>; silentOff?: boolean }): Promise<void> {
    await this.page.getByTestId('method-template').selectOption(options.template);
    for (const [index, minutes] of Object.entries(options.minutes ?? {})) {
      await this.page.getByTestId('phase-minutes').nth(Number(index)).fill(String(minutes));
    }
    if (options.silentOff) {
      for (const field of await this.page.getByLabel('Dont temps en silence (minutes)').all()) await field.fill('0');
    }
    if (options.tables !== undefined) await this.page.getByTestId('method-tables').fill(String(options.tables));
    if (options.safeMode) await this.page.getByTestId('method-safe-mode').check();
  }

  templateOption(name: string) {
    return this.page.getByTestId('method-template').locator('option', { hasText: name });
  }

  async fill(workshop: { title: string; question: string; purpose: string; sites: string[] }): Promise<void> {
    await this.page.getByTestId('workshop-title').fill(workshop.title);
    await this.page.getByTestId('workshop-question').fill(workshop.question);
    await this.page.getByTestId('workshop-purpose').fill(workshop.purpose);
    for (const [index, name] of workshop.sites.entries()) {
      if (index > 0) await this.page.getByTestId('add-site').click();
      await this.page.getByTestId(`site-name-${index}`).fill(name);
    }
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('create-workshop').click();
  }

  async expectError(): Promise<void> {
    await expect(this.page.getByTestId('form-error')).toBeVisible();
  }

  async links(): Promise<CreatedLinks> {
    const facilitatorUrl = await this.page.getByTestId('facilitator-link').getAttribute('href');
    const screenUrl = await this.page.getByTestId('screen-link').getAttribute('href');
    const helperUrl = await this.page.getByTestId('created-helper-link').getAttribute('href');
    if (!facilitatorUrl || !screenUrl || !helperUrl) throw new Error('links missing after creation');
    return { facilitatorUrl, screenUrl, helperUrl };
  }
}
