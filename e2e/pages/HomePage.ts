import { expect, type Page } from '@playwright/test';

export interface CreatedLinks {
  facilitatorUrl: string;
  screenUrl: string;
}

/** The facilitator's start page: create a workshop. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
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
    if (!facilitatorUrl || !screenUrl) throw new Error('links missing after creation');
    return { facilitatorUrl, screenUrl };
  }
}
