import { expect, type Page } from '@playwright/test';

/** A resident's phone on the journey map (step by step). */
export class BoardPhonePage {
  constructor(readonly page: Page) {}

  async openJourney(): Promise<void> {
    await this.page.getByTestId('open-journey').click();
    await expect(this.page.getByTestId('phone-journey-step')).toBeVisible();
  }

  step() {
    return this.page.getByTestId('phone-journey-step');
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Étape d’après' }).click();
  }

  /** A finger swipe from right to left (next step) or left to right (previous). */
  async swipe(direction: 'next' | 'previous'): Promise<void> {
    const box = await this.page.getByTestId('phone-journey-step').boundingBox();
    if (!box) throw new Error('no step on screen');
    const y = box.y + 40;
    const [from, to] = direction === 'next' ? [box.x + box.width - 20, box.x + 20] : [box.x + 20, box.x + box.width - 20];
    await this.page.mouse.move(from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(to, y, { steps: 5 });
    await this.page.mouse.up();
  }

  row(label: string) {
    return this.page.getByTestId('phone-journey-row').filter({ has: this.page.getByRole('heading', { name: label, exact: true }) });
  }

  async addNote(rowLabel: string, text: string): Promise<void> {
    const row = this.row(rowLabel);
    await row.getByRole('button', { name: `Ajouter dans « ${rowLabel} »` }).click();
    await row.getByRole('textbox').fill(text);
    await row.getByRole('button', { name: 'Poser' }).click();
    await expect(row.locator('.phone-journey__note').filter({ hasText: text })).toHaveCount(1);
  }

  /** Posts a feeling by its name in words (the face is an icon named for screen readers). */
  async addFeeling(rowLabel: string, feelingName: string): Promise<void> {
    const row = this.row(rowLabel);
    await row.getByRole('button', { name: `Ajouter dans « ${rowLabel} »` }).click();
    await row.getByRole('button', { name: feelingName, exact: true }).click();
    await expect(row.locator('.phone-journey__note').getByRole('img', { name: feelingName, exact: true })).toHaveCount(1);
  }

  async expectOnline(online: boolean): Promise<void> {
    await expect(this.page.getByTestId('phone-journey-status')).toHaveAttribute('data-status', online ? 'online' : /offline|connecting/);
  }
}
