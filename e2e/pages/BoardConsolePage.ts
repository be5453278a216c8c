import { expect, type Page } from '@playwright/test';

/** The facilitator's console with the board open: sets up and edits the journey map. */
export class BoardConsolePage {
  constructor(readonly page: Page) {}

  async open(facilitatorUrl: string): Promise<void> {
    await this.page.goto(facilitatorUrl);
    await this.page.getByTestId('board-toggle').click();
    await expect(this.page.getByTestId('board-canvas').locator('canvas').first()).toBeVisible();
  }

  async setUpJourney(): Promise<void> {
    await this.page.getByTestId('board-setup').click();
    await expect(this.page.getByTestId('board-persona')).toBeVisible();
  }

  async renameStep(index: number, label: string): Promise<void> {
    const input = this.page.getByTestId('board-steps').locator('.axis-editor__label').nth(index);
    await input.fill(label);
    await input.press('Enter');
  }

  async addStep(label: string): Promise<void> {
    const form = this.page.getByTestId('board-steps').locator('.axis-editor__add');
    await form.locator('input').fill(label);
    await form.locator('button').click();
  }

  async removeStep(index: number): Promise<void> {
    await this.page.getByTestId('board-steps').locator('.axis-editor__item').nth(index).getByRole('button', { name: 'Enlever' }).click();
  }
}
