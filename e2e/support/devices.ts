import type { Browser, BrowserContext } from '@playwright/test';

export type DeviceKind = 'desktop' | 'laptop' | 'projector' | 'phone';

/** A resident's phone (360 px, touch), the projector (1920×1080), a small laptop (1366×768) or a desktop, in French. */
export function contextOptions(kind: DeviceKind) {
  if (kind === 'phone') return { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'fr-FR' };
  if (kind === 'projector') return { viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' };
  if (kind === 'laptop') return { viewport: { width: 1366, height: 768 }, locale: 'fr-FR' };
  return { viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };
}

/** Collects in `sink` what the server's Content-Security-Policy refuses in any page of `context`. */
export function watchContentSecurityPolicy(context: BrowserContext, sink: string[]): void {
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) sink.push(`${message.location().url}: ${message.text()}`);
  });
}

/** Opens browser contexts and closes them all at the end of a spec (and fails it if the CSP refused anything). */
export class Devices {
  private readonly contexts: BrowserContext[] = [];
  /** What the server's Content-Security-Policy refused in any page (each spec checks it stays empty). */
  private readonly cspViolations: string[] = [];

  async context(browser: Browser, kind: DeviceKind): Promise<BrowserContext> {
    const context = await browser.newContext(contextOptions(kind));
    watchContentSecurityPolicy(context, this.cspViolations);
    this.contexts.push(context);
    return context;
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
    const violations = this.cspViolations.splice(0);
    if (violations.length > 0) throw new Error(`the Content-Security-Policy refused:\n${violations.join('\n')}`);
  }
}
