import { expect, type Page } from '@playwright/test';

/** `/centre`: sign in, create a centre's space, my centres. */
export class CentreHomePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/centre`);
    await expect(this.page.getByTestId('create-centre-form')).toBeVisible();
  }

  /** Creates the space with a new admin account, then opens it. */
  async createCentre(centre: { name: string; town: string; login: string; password: string }): Promise<void> {
    const form = this.page.getByTestId('create-centre-form');
    await form.getByTestId('centre-name').fill(centre.name);
    await form.getByTestId('centre-town').fill(centre.town);
    await form.getByTestId('centre-login').fill(centre.login);
    await form.getByTestId('centre-password').fill(centre.password);
    await form.getByTestId('create-centre').click();
    // Created: the form empties (issue 19), ready for another centre.
    await expect(form.getByTestId('centre-name')).toHaveValue('');
    await expect(form.getByTestId('centre-town')).toHaveValue('');
    await this.page
      .getByTestId('my-centres')
      .getByRole('link', { name: new RegExp(centre.name) })
      .click();
    await expect(this.page.getByTestId('centre-title')).toContainText(centre.name);
  }
}
