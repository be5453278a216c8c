import { expect, type Locator, type Page } from '@playwright/test';

/** A resident's phone. */
export class PhonePage {
  constructor(readonly page: Page) {}

  async join(joinUrl: string, mood: 'sunny' | 'partly' | 'cloudy' | 'rainy' | 'stormy'): Promise<void> {
    await this.page.goto(joinUrl);
    // The purpose is shown before anything can be contributed.
    await expect(this.page.getByTestId('purpose')).toBeVisible();
    await this.page.getByTestId(`mood-${mood}`).click();
    await this.page.getByTestId('join-submit').click();
    await this.expectOnline(true);
  }

  /** "J'ai déjà une carte": continue as the participant of that card (any site's join link). */
  async resume(joinUrl: string, cardCode: string): Promise<void> {
    await this.page.goto(joinUrl);
    await this.page.getByTestId('resume-link').click();
    await this.page.getByTestId('card-input').fill(cardCode);
    await this.page.getByTestId('resume-submit').click();
    await this.expectOnline(true);
  }

  async pickTable(table: number): Promise<void> {
    await this.page.getByTestId(`pick-table-${table}`).click();
    await expect(this.page.getByTestId('table-badge').first()).toContainText(`Table ${table}`);
  }

  /** The phase the phone shows: its id and status (`waiting`, `running`…). */
  async expectPhase(phaseId: string, status: string): Promise<void> {
    const banner = this.page.getByTestId('phase-banner');
    await expect(banner).toHaveAttribute('data-phase', phaseId);
    await expect(banner).toHaveAttribute('data-status', status);
  }

  /** What the phone asks for now: ideas (a text box) or another activity. */
  async expectActivity(activity: string): Promise<void> {
    if (activity === 'ideas') {
      await expect(this.page.getByTestId('idea-input')).toBeVisible();
      await expect(this.page.getByTestId('phone-activity')).toHaveCount(0);
    } else {
      await expect(this.page.getByTestId('phone-activity')).toHaveAttribute('data-activity', activity);
      await expect(this.page.getByTestId('idea-input')).toHaveCount(0);
    }
  }

  async post(text: string): Promise<void> {
    await this.page.getByTestId('idea-input').fill(text);
    await this.page.getByTestId('idea-submit').click();
  }

  myIdea(text: string): Locator {
    return this.page.getByTestId('my-idea').filter({ hasText: text });
  }

  async expectSent(text: string): Promise<void> {
    await expect(this.myIdea(text)).toHaveAttribute('data-state', 'sent');
  }

  async expectOnline(online: boolean): Promise<void> {
    await expect(this.page.getByTestId('connection-status')).toHaveAttribute('data-online', String(online));
  }
}
