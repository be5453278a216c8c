import { expect, type Locator, type Page } from '@playwright/test';

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

  /** The method: a card by its value ('co-design', 'free'…), then adjustments, one step at a time. */
  async chooseMethod(options: { template: string; tables?: number; safeMode?: boolean; minutes?: Record<number, number>; silentOff?: boolean }): Promise<void> {
    await this.methodCard(options.template).click();
    await expect(this.methodCard(options.template).getByRole('radio')).toBeChecked();
    for (const [index, minutes] of Object.entries(options.minutes ?? {})) await this.editStep(Number(index), { minutes });
    if (options.silentOff) {
      // Only an ideas step has a silent time; its line in the timeline says so.
      const silent = this.steps().filter({ hasText: 'en silence' });
      while ((await silent.count()) > 0) {
        const index = await this.steps().evaluateAll((rows) => rows.findIndex((row) => row.textContent?.includes('en silence')));
        await this.editStep(index, { silentMinutes: 0 });
      }
    }
    if (options.tables !== undefined) await this.page.getByTestId('method-tables').fill(String(options.tables));
    if (options.safeMode) await this.page.getByTestId('method-safe-mode').check();
  }

  methodCard(template: string): Locator {
    return this.page.getByTestId(`method-card-${template}`);
  }

  /** The method's steps, as the timeline under the short path lists them. */
  steps(): Locator {
    return this.page.getByTestId('method-phase');
  }

  /** Opens one step's form (it must be the only one open), changes it, closes it. */
  async editStep(index: number, change: { title?: string; minutes?: number; silentMinutes?: number }): Promise<void> {
    await this.steps().nth(index).getByTestId('edit-phase').click();
    const editor = this.page.getByTestId('phase-editor');
    await expect(editor).toHaveCount(1);
    await expect(this.steps().nth(index).getByTestId('phase-editor')).toBeVisible();
    if (change.title !== undefined) await editor.getByTestId('phase-title-input').fill(change.title);
    if (change.minutes !== undefined) await editor.getByTestId('phase-minutes').fill(String(change.minutes));
    if (change.silentMinutes !== undefined) await editor.getByTestId('phase-silent-minutes').fill(String(change.silentMinutes));
    await editor.getByTestId('phase-done').click();
    await expect(editor).toHaveCount(0);
  }

  /** A method offered as a card (built in or saved by a centre), by its name. */
  templateOption(name: string): Locator {
    return this.page.getByTestId('method-cards').getByRole('radio', { name, includeHidden: true });
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
