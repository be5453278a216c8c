import { expect, type Locator, type Page } from '@playwright/test';

/** The side panel's tabs on the console (the step in front shows its own part, the rest is under a tab). */
export type ConsoleTool = 'room' | 'ideas' | 'moderation' | 'workshop' | 'method' | 'texts' | 'vote' | 'questionnaire' | 'followUp';

/**
 * Shows a part of the console: in front when the current step needs it, else under its tab,
 * which is opened (the first of the two in the page is the one that counts).
 */
export async function showConsolePart(page: Page, testId: string | Locator, tool: ConsoleTool): Promise<void> {
  const part = typeof testId === 'string' ? page.getByTestId(testId) : testId;
  const tab = page.getByTestId(`tool-tab-${tool}`);
  await expect(part.or(tab).first()).toBeVisible();
  if (!(await part.first().isVisible())) await tab.click();
  await expect(part.first()).toBeVisible();
}

/** The facilitator's console. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('connected-count')).toBeVisible();
  }

  /** The idea list with its moderation (in front in an ideas step, else under "Idées"). */
  async showIdeas(): Promise<void> {
    await showConsolePart(this.page, this.page.locator('.console-ideas'), 'ideas');
  }

  /** A part under a side-panel tab, e.g. the tables, the method or the moderation tools. */
  async openTool(tool: ConsoleTool): Promise<void> {
    await this.page.getByTestId(`tool-tab-${tool}`).click();
    await expect(this.page.getByTestId(`tool-panel-${tool}`)).toBeVisible();
  }

  row(text: string): Locator {
    return this.page.getByTestId('idea-row').filter({ hasText: text });
  }

  async hide(text: string): Promise<void> {
    await this.showIdeas();
    await this.row(text).getByTestId('hide-idea').click();
    await expect(this.row(text).getByTestId('show-idea')).toBeVisible();
  }
}
