import { expect, type Page } from '@playwright/test';
import { showConsolePart } from './ConsolePage';

/** The vote part of the facilitator's console. */
export class VoteConsole {
  constructor(readonly page: Page) {}

  /** The vote panel: in front in a vote step, else under the side panel's "Vote" tab. */
  async show(): Promise<void> {
    await showConsolePart(this.page, 'console-vote', 'vote');
  }

  /** Opens a round on every visible idea, closing at `closesAt` (the browser's local time). */
  async openRound(options: { budget: number; closesAt: number }): Promise<void> {
    await this.show();
    const form = this.page.getByTestId('round-form');
    await form.getByTestId('round-budget').fill(String(options.budget));
    await form.getByTestId('round-close-at').check();
    const local = await this.page.evaluate((at) => {
      const date = new Date(at);
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    }, options.closesAt);
    await form.getByTestId('round-closes-at').fill(local);
    await form.getByTestId('round-open').click();
    await expect(this.page.getByTestId('vote-status')).toHaveText(/Vote en cours/);
  }

  async kioskUrl(site: string): Promise<string> {
    await this.show();
    await this.page.getByTestId('kiosk-links-show').click();
    const link = this.page.getByTestId('kiosk-link').and(this.page.locator(`[data-site="${site}"]`));
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`no kiosk link for ${site}`);
    return href;
  }

  async paper(site: string, counts: Record<string, number>): Promise<void> {
    await this.show();
    const form = this.page.getByTestId('paper-counts');
    await form.getByTestId('paper-site').selectOption({ label: site });
    for (const [idea, count] of Object.entries(counts)) await form.locator(`[data-testid="paper-count"][data-idea="${idea}"]`).fill(String(count));
    await form.getByTestId('paper-save').click();
    await expect(form.getByText('Gommettes papier enregistrées')).toBeVisible();
  }

  async reveal(): Promise<void> {
    await this.show();
    await this.page.getByTestId('round-reveal').click();
    await expect(this.page.getByTestId('round-reveal')).toHaveText(/révélés/);
  }
}
