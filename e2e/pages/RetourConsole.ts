import { expect, type Page } from '@playwright/test';
import { showConsolePart } from './ConsolePage';

/** "Retour aux habitants" on the facilitator's console: briefs, status, news, the end of the workshop. */
export class RetourConsole {
  constructor(readonly page: Page) {}

  /** Under the side panel's "Suivi" tab, or in front (already open) once the last step is over. */
  async open(): Promise<void> {
    await showConsolePart(this.page, 'retour-toggle', 'followUp');
    const toggle = this.page.getByTestId('retour-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.page.getByTestId('retour-panel')).toBeVisible();
  }

  /** A brief from the top of the vote. */
  async createBriefFromTopOfVote(title: string): Promise<void> {
    const form = this.page.getByTestId('new-brief');
    await form.getByTestId('brief-title').fill(title);
    await form.getByTestId('take-top').click();
    await form.getByTestId('create-brief').click();
    await expect(this.page.getByTestId('brief-editor')).toBeVisible();
  }

  async complete(fields: { solution: string; builders: string }): Promise<void> {
    const editor = this.page.getByTestId('brief-editor');
    await editor.getByTestId('brief-solution').fill(fields.solution);
    await editor.getByTestId('brief-builders').fill(fields.builders);
    await editor.getByTestId('brief-save').click();
    await expect(editor.getByTestId('brief-sheet')).toContainText(fields.solution);
  }

  async setStatus(label: string): Promise<void> {
    const editor = this.page.getByTestId('brief-editor');
    await editor.getByTestId('brief-status').selectOption({ label });
    await editor.getByTestId('brief-status-save').click();
    await expect(editor.getByTestId('brief-sheet')).toContainText(label);
  }

  async addNews(text: string): Promise<void> {
    const editor = this.page.getByTestId('brief-editor');
    await editor.getByTestId('brief-news').fill(text);
    await editor.getByTestId('brief-news-add').click();
    await expect(editor.getByTestId('brief-sheet')).toContainText(text);
  }

  async finish(nextMeeting: string): Promise<void> {
    const settings = this.page.getByTestId('follow-up-settings');
    await settings.getByTestId('next-meeting').fill(nextMeeting);
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await settings.getByTestId('finish-workshop').click();
    await expect(settings.getByTestId('workshop-finished')).toBeVisible();
  }
}
