import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

const FAMILY = '👨‍👩‍👧‍👦';

test('typed text is shown safely: one length rule, bidi overrides isolated, long words wrap', async ({ browser }) => {
  test.setTimeout(120_000);
  const workshop = await createWorkshopByApi(server.url);
  const consoleContext = await devices.context(browser, 'desktop');
  const facilitator = new ConsolePage(await consoleContext.newPage());
  await facilitator.page.setViewportSize({ width: 1366, height: 768 });
  await facilitator.page.goto(workshop.facilitatorUrl);
  await expect(facilitator.page.getByTestId('connected-count')).toBeVisible({ timeout: 30_000 });
  const phone = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
  await phone.join(workshop.sites[0]!.joinUrl, 'sunny');

  // 200 family emoji (2,200 UTF-16 units): the phone lets them through and the server takes them.
  const emoji = FAMILY.repeat(200);
  await phone.page.getByTestId('idea-input').fill(emoji + FAMILY);
  await expect(phone.page.getByTestId('idea-submit')).toBeDisabled();
  await expect(phone.page.getByRole('alert')).toContainText('Trop long');
  await phone.post(emoji);
  await phone.expectSent(emoji);
  await expect(facilitator.row(FAMILY)).toBeVisible();

  // A right-to-left override typed in an idea is removed; typed text is isolated from the console's own words.
  await phone.post('\u202Egnp.exe');
  await phone.expectSent('gnp.exe');
  const overridden = facilitator.row('gnp.exe').locator('.idea-row__text');
  await expect(overridden).toHaveText('gnp.exe');
  expect(await overridden.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate');

  // The longest unbroken idea wraps: the console stays inside a 1,366 px laptop screen.
  const long = 'a'.repeat(200);
  await phone.post(long);
  await expect(facilitator.row(long)).toBeVisible();
  const width = await facilitator.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1366);
  const box = await facilitator.row(long).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
});
