import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The phone the hand checks measure on (a common small Android), and 200 % page zoom of it. */
export const PHONE_VIEWPORT = { width: 360, height: 740 } as const;
export const ZOOMED_VIEWPORT = { width: 180, height: 370 } as const;

export interface HandCheckResult {
  screen: string;
  check: 'main-action-in-first-screen' | 'reflow-200-zoom' | 'text-200' | 'focus-after-action' | 'timer-name' | 'journey-mirrors' | 'read-aloud';
  passed: boolean;
  /** What was measured, in words and figures (e.g. "bottom at 0.82 screen"). */
  measured: string;
}

/** What sticks out sideways: the page's scroll width, and the visible elements beyond the viewport's edges or cut inside their own box. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return await page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const outside: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''}.${String(element.className).split(' ')[0]}`;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      if (rect.right > width + 1 || rect.left < -1) {
        outside.push(`${name(element)} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
        continue;
      }
      // Text cut inside its own box (a clipped or scrolling element wider inside than outside).
      const clips = style.overflowX !== 'visible';
      // (A text box scrolls its own long value: not a cut.)
      if (clips && element.scrollWidth > element.clientWidth + 1 && element.tagName !== 'TEXTAREA' && element.tagName !== 'INPUT') {
        outside.push(`${name(element)} cut (${element.scrollWidth} in ${element.clientWidth})`);
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: width, outside: outside.slice(0, 6) };
  });
}

/** Records the hand checks of a spec, and writes them to the audit when asked (GOMMETTE_WRITE_AUDIT=1). */
export class HandChecks {
  readonly results: HandCheckResult[] = [];

  constructor(
    private readonly language: string,
    private readonly shotsDir: string | null,
  ) {}

  record(result: HandCheckResult): void {
    this.results.push(result);
    if (process.env.GOMMETTE_HANDCHECK_SHOTS)
      console.log(`${result.passed ? 'ok  ' : 'FAIL'} ${this.language} ${result.screen} ${result.check}: ${result.measured}`);
    expect.soft(result.passed, `${this.language}, ${result.screen}, ${result.check}: ${result.measured}`).toBe(true);
  }

  private async shot(page: Page, name: string): Promise<void> {
    if (!this.shotsDir) return;
    fs.mkdirSync(this.shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(this.shotsDir, `${this.language}-${name}.png`) });
  }

  /**
   * The three layout checks of a screen: its main action within the first screen at 360×740;
   * at 200 % page zoom (a 180 px wide viewport) no sideways scroll and `reachable` within the
   * width; with the text alone doubled (html font-size 225 %: twice the page's own 112.5 %) nothing sticks out.
   */
  async layout(page: Page, screen: string, mainAction: Locator, reachable: Locator[] = []): Promise<void> {
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await mainAction.waitFor();
    const box = await mainAction.boundingBox();
    const bottom = box ? (box.y + box.height) / PHONE_VIEWPORT.height : Infinity;
    this.record({
      screen,
      check: 'main-action-in-first-screen',
      passed: bottom <= 1,
      measured: `main action's bottom at ${bottom.toFixed(2)} screen (360×740)`,
    });
    await this.shot(page, screen);

    await page.setViewportSize(ZOOMED_VIEWPORT);
    await page.evaluate(() => window.scrollTo(0, 0));
    const zoomed = await overflow(page);
    const unreachable: string[] = [];
    for (const locator of reachable) {
      const target = await locator.boundingBox();
      if (!target || target.x < -1 || target.x + target.width > ZOOMED_VIEWPORT.width + 1)
        unreachable.push(await locator.evaluate((element) => element.textContent ?? ''));
    }
    const sideways = zoomed.scrollWidth - zoomed.clientWidth;
    this.record({
      screen,
      check: 'reflow-200-zoom',
      passed: sideways <= 0 && zoomed.outside.length === 0 && unreachable.length === 0,
      measured: `sideways scroll ${sideways} px at 180 px${zoomed.outside.length ? `; out: ${zoomed.outside.join(', ')}` : ''}${unreachable.length ? `; unreachable: ${unreachable.join(', ')}` : ''}`,
    });
    await this.shot(page, `${screen}-zoom200`);

    await page.setViewportSize(PHONE_VIEWPORT);
    await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const doubled = await overflow(page);
    const doubledSideways = doubled.scrollWidth - doubled.clientWidth;
    this.record({
      screen,
      check: 'text-200',
      passed: doubledSideways <= 0 && doubled.outside.length === 0,
      measured: `sideways scroll ${doubledSideways} px with text doubled${doubled.outside.length ? `; out: ${doubled.outside.join(', ')}` : ''}`,
    });
    await this.shot(page, `${screen}-text200`);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  /** After an action, focus is on the new screen's heading (not lost to <body>). */
  async focusOnHeading(page: Page, screen: string, heading: Locator): Promise<void> {
    await expect(heading)
      .toBeFocused()
      .catch(() => undefined);
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element ? `${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim().slice(0, 40)}”` : 'nothing';
    });
    const onHeading = await heading.evaluate((element) => element === document.activeElement);
    this.record({ screen, check: 'focus-after-action', passed: onHeading, measured: `focus on ${focused}` });
  }
}
