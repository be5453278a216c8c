import { expect, type Locator, type Page } from '@playwright/test';
import { decodeQr } from '../support/qr';

/** The projector screen. */
export class ScreenPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('screen-question')).toBeVisible();
  }

  qrCodes(): Locator {
    return this.page.locator('[data-testid^="site-qr-"]');
  }

  /** The join URL of each site, read from its QR code as a phone would. */
  async joinUrls(): Promise<string[]> {
    const codes = this.qrCodes();
    await expect(codes.first()).toBeVisible();
    await this.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img[data-testid^="site-qr-"]')).every((img) => img.complete && img.naturalWidth > 0),
    );
    const urls: string[] = [];
    for (const code of await codes.all()) urls.push(await decodeQr(code));
    return urls;
  }

  ideaCards(): Locator {
    return this.page.getByTestId('idea-card');
  }

  async expectConnected(count: number): Promise<void> {
    await expect(this.page.getByTestId('connected-count')).toHaveText(String(count));
  }
}
