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
