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

  /** Fails unless each of `locators` is wholly inside the viewport (no scrolling needed). */
  async expectInViewport(locators: Locator[]): Promise<void> {
    const viewport = this.page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    for (const locator of locators) {
      const box = await locator.boundingBox();
      expect(box, 'shown').not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
    }
    expect(await this.page.evaluate(() => window.scrollY)).toBe(0);
  }

  /** The editing controls a public screen must never show. */
  editingControls(): Locator {
    return this.page.getByRole('button', { name: /Fermer le tableau|Image PNG|Zoomer|Dézoomer|Tout voir/i });
  }
}
