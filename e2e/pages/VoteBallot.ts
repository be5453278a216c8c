import { expect, type Locator, type Page } from '@playwright/test';

/** The ballot cards, on a resident's phone or at a kiosk. */
export class VoteBallot {
  constructor(readonly page: Page) {}

  card(idea: string): Locator {
    return this.page.getByTestId('vote-card').filter({ hasText: idea });
  }

  async stick(idea: string): Promise<void> {
    const card = this.card(idea);
    const before = Number(await card.getAttribute('data-count'));
    await card.getByRole('button', { name: /Coller une gommette/ }).click();
    await expect(card).toHaveAttribute('data-count', String(before + 1));
  }

  async takeBack(idea: string): Promise<void> {
    const card = this.card(idea);
    const before = Number(await card.getAttribute('data-count'));
    await card.getByRole('button', { name: /Retirer une gommette/ }).click();
    await expect(card).toHaveAttribute('data-count', String(before - 1));
  }

  async expectLeft(count: number): Promise<void> {
    await expect(this.page.getByTestId('vote-left')).toHaveAttribute('data-left', String(count));
  }

  async expectClosed(): Promise<void> {
    await expect(this.page.getByTestId('vote-closed')).toBeVisible({ timeout: 60_000 });
  }
}
