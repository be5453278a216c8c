import { expect, type Locator, type Page } from '@playwright/test';

/** The facilitator's console. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('connected-count')).toBeVisible();
  }

  row(text: string): Locator {
    return this.page.getByTestId('idea-row').filter({ hasText: text });
  }

  async hide(text: string): Promise<void> {
    await this.row(text).getByTestId('hide-idea').click();
    await expect(this.row(text).getByTestId('show-idea')).toBeVisible();
  }
}
