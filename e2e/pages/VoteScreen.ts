import { expect, type Locator, type Page } from '@playwright/test';

/** The vote on a projector screen. */
export class VoteScreen {
  constructor(readonly page: Page) {}

  /** Idea text → total gommettes, as the ranking shows them. */
  async totals(): Promise<Record<string, number>> {
    return this.page
      .getByTestId('vote-row')
      .evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [row.querySelector('.vote-row__text')?.textContent ?? '', Number(row.getAttribute('data-total'))])),
      );
  }

  async expectTotals(expected: Record<string, number>): Promise<void> {
    await expect.poll(() => this.totals(), { timeout: 15_000 }).toEqual(expected);
  }

  async expectSiteVoters(site: string, voters: number, kiosk: number): Promise<void> {
    const entry = this.page.locator(`[data-testid="vote-site-voters"][data-site="${site}"]`);
    await expect(entry).toHaveAttribute('data-voters', String(voters));
    await expect(entry).toHaveAttribute('data-kiosk', String(kiosk));
  }

  async expectClosed(): Promise<void> {
    await expect(this.page.getByTestId('vote-status')).toHaveText(/Vote terminé/, { timeout: 60_000 });
  }

  /** The first `count` rows of the ranking. */
  topRows(count: number): Locator[] {
    return Array.from({ length: count }, (_, index) => this.page.getByTestId('vote-row').nth(index));
  }
}
