import { expect, type Locator, type Page } from '@playwright/test';

type Tab = 'workshops' | 'templates' | 'figures' | 'team' | 'data';

/** `/centre/:id`: one centre's space. Confirmation dialogs are accepted. */
export class CentreSpacePage {
  constructor(readonly page: Page) {
    page.on('dialog', (dialog) => void dialog.accept());
  }

  async tab(name: Tab): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
    await expect(this.page.getByTestId(`tab-${name}`)).toHaveAttribute('aria-pressed', 'true');
  }

  /** Team tab: a fresh single-use invitation link. */
  async invite(): Promise<string> {
    await this.tab('team');
    await this.page.getByTestId('invite').click();
    const url = await this.page.getByTestId('invite-url').textContent();
    if (!url) throw new Error('no invitation link shown');
    return url.trim();
  }

  async removeMember(login: string): Promise<void> {
    await this.tab('team');
    await this.page.getByTestId(`remove-${login}`).click();
    await expect(this.page.getByTestId(`remove-${login}`)).toHaveCount(0);
  }

  /** Templates tab: copies a method another centre shared into this centre. */
  async copySharedTemplate(name: string): Promise<void> {
    await this.tab('templates');
    await this.page.getByTestId('shared-templates').locator('li', { hasText: name }).getByTestId('copy-template').click();
    await expect(this.page.getByTestId('own-templates')).toContainText(name);
  }

  async createSeries(title: string, question: string): Promise<void> {
    await this.tab('workshops');
    const form = this.page.getByTestId('new-series-form');
    await form.getByTestId('series-title').fill(title);
    await form.getByTestId('series-question').fill(question);
    await form.getByTestId('create-series').click();
    await expect(this.page.getByTestId('series-list')).toContainText(title);
  }

  async createWorkshop(workshop: { series: string; title: string; purpose: string; sites: string; method: string }): Promise<void> {
    await this.tab('workshops');
    const form = this.page.getByTestId('new-workshop-form');
    await form.getByTestId('workshop-series').selectOption({ label: workshop.series });
    await form.getByTestId('workshop-title').fill(workshop.title);
    await form.getByTestId('workshop-purpose').fill(workshop.purpose);
    await form.getByTestId('workshop-sites').fill(workshop.sites);
    await form.getByTestId('workshop-method').selectOption({ label: workshop.method });
    await form.getByTestId('create-workshop').click();
    await expect(form.getByTestId('workshop-created')).toContainText(workshop.title);
    await expect(this.workshop(workshop.title)).toBeVisible();
  }

  workshop(title: string): Locator {
    return this.page.getByTestId('centre-workshop').filter({ hasText: title });
  }

  async consoleUrl(title: string): Promise<string> {
    return this.linkOf(this.workshop(title).getByTestId('open-console'));
  }

  /** "Changer le lien de la console", confirmed (the page accepts every dialog); resolves once the space shows a new console link. */
  async rotateConsoleLink(title: string): Promise<string> {
    const before = await this.consoleUrl(title);
    await this.workshop(title).getByTestId('rotate-console-link').click();
    await expect(this.workshop(title).getByTestId('open-console')).not.toHaveAttribute('href', before);
    return this.consoleUrl(title);
  }

  async screenUrl(title: string): Promise<string> {
    return this.linkOf(this.workshop(title).getByRole('link', { name: /écran/ }));
  }

  private async linkOf(link: Locator): Promise<string> {
    const href = await link.getAttribute('href');
    if (!href) throw new Error('link without href');
    return href;
  }

  /** The open series' public follow-up page. */
  async followUpUrl(): Promise<string> {
    return new URL(await this.linkOf(this.page.getByTestId('follow-up-link')), this.page.url()).toString();
  }

  /** Opens a series and returns its sessions, in order. */
  async openSeries(title: string): Promise<Locator> {
    await this.tab('workshops');
    await this.page.getByTestId('series-list').getByRole('button', { name: title }).click();
    return this.page.getByTestId('series-session');
  }
}
