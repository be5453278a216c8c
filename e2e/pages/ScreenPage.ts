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

  /**
   * Fails unless each of `locators` is wholly visible in the viewport without scrolling: inside
   * the window, and neither clipped by a scroll box nor covered (the element itself is hit at
   * the middle of each edge).
   */
  async expectInViewport(locators: Locator[]): Promise<void> {
    for (const locator of locators) {
      const whole = await locator.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        const inset = 3;
        // The middle of each edge (rounded corners are not the element), just inside.
        const midX = (rect.left + rect.right) / 2;
        const midY = (rect.top + rect.bottom) / 2;
        const corners = [
          [midX, rect.top + inset],
          [midX, rect.bottom - inset],
          [rect.left + inset, midY],
          [rect.right - inset, midY],
        ] as const;
        const inside = rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
        return (
          inside &&
          corners.every(([x, y]) => {
            const hit = document.elementFromPoint(x, y);
            return hit !== null && (hit === element || element.contains(hit));
          })
        );
      });
      expect(whole, `${String(locator)} wholly visible`).toBe(true);
    }
    expect(await this.page.evaluate(() => window.scrollY)).toBe(0);
  }

  /** The editing controls a public screen must never show. */
  editingControls(): Locator {
    return this.page.getByRole('button', { name: /Fermer le tableau|Image PNG|Zoomer|Dézoomer|Tout voir/i });
  }
}
