import type { Browser, BrowserContext } from '@playwright/test';

export type DeviceKind = 'desktop' | 'projector' | 'phone';

/** A resident's phone (360 px, touch), the projector (1920×1080) or a laptop, in French. */
export function contextOptions(kind: DeviceKind) {
  if (kind === 'phone') return { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'fr-FR' };
  if (kind === 'projector') return { viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' };
  return { viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };
}

/** Opens browser contexts and closes them all at the end of a spec. */
export class Devices {
  private readonly contexts: BrowserContext[] = [];

  async context(browser: Browser, kind: DeviceKind): Promise<BrowserContext> {
    const context = await browser.newContext(contextOptions(kind));
    this.contexts.push(context);
    return context;
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}
