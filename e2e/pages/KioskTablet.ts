import { expect, type Page } from '@playwright/test';
import { VoteBallot } from './VoteBallot';

/** A site's kiosk ("borne"): a shared tablet, one person after another. */
export class KioskTablet {
  readonly ballot: VoteBallot;

  constructor(readonly page: Page) {
    this.ballot = new VoteBallot(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('kiosk-start')).toBeVisible();
  }

  /** Before the round opens: the start screen without the "Je vote" button. */
  async openWaiting(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('kiosk-waiting')).toBeVisible();
  }

  /** The start screen's context: where, what is asked, what it is for. */
  async expectIntro(expected: { site: string; question: string; purpose: string }): Promise<void> {
    const intro = this.page.getByTestId('kiosk-intro');
    await expect(intro.getByTestId('kiosk-site')).toContainText(expected.site);
    await expect(intro.getByTestId('kiosk-question')).toContainText(expected.question);
    await expect(intro.getByTestId('kiosk-purpose')).toHaveText(expected.purpose);
  }

  async chooseLanguage(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async start(): Promise<void> {
    await this.page.getByTestId('kiosk-start').click();
    await expect(this.page.getByTestId('vote-cards')).toBeVisible();
  }

  /** "J'ai fini", then the clear "au suivant" screen. */
  async finish(): Promise<void> {
    await this.page.getByTestId('kiosk-done').click();
    await expect(this.page.getByTestId('kiosk-thanks')).toBeVisible();
    await expect(this.page.getByTestId('vote-cards')).toHaveCount(0);
  }

  async next(): Promise<void> {
    await this.page.getByTestId('kiosk-next').click();
    await expect(this.page.getByTestId('vote-cards')).toBeVisible();
  }
}
