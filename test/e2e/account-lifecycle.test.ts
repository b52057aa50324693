/**
 * Account lifecycle in Debian's chromium, at 1280x800 and 1920x1080 (each over a fresh server):
 * an admin creates a token that expires in 30 days, sees its expiry and revokes it; sees
 * another user's token (owner filter) and revokes it; disables that user while they are
 * signed in in a second browser context, whose next click lands on the sign-in page; enables
 * them and resets their password; the user changes their own password on the Account page and
 * signs in with it. No console errors beyond the refusals the test provokes.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/users.service.js';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const DAY = 86_400_000;
const FIRST = 'correct horse battery';
const RESET = 'reset by the admin 1';
const OWN = 'chosen by bo himself';

describe.each(VIEWPORTS)('account lifecycle at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let boContext: BrowserContext;
  let bo: Page;
  let errors: string[];
  let boErrors: string[];
  let boSecret = '';
  const shot = (p: Page, name: string) => screenshot(p, `account-lifecycle-${tag}-${name}`);
  const scriptStatus = async (token: string) =>
    (await fetch(`${h.url}/api/datasets`, { headers: { Authorization: `Bearer ${token}` } })).status;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const signIn = async (p: Page, email: string, password: string) => {
    await p.getByLabel('E-mail').fill(email);
    await p.getByLabel('Password').fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
  };
  const confirmNext = (p: Page) => {
    const asked: string[] = [];
    p.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    return asked;
  };

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport });
    errors = watchConsole(page);
    boContext = await h.browser.newContext({ viewport });
    bo = await boContext.newPage();
    boErrors = watchConsole(bo);
  });
  afterAll(async () => {
    await boContext?.close();
    await h?.close();
  });

  it('lets another user create a token in their own browser', async () => {
    await setUpFirstAdmin(page, h.url);
    createUser(h.db, { email: 'bo@example.com', name: 'Bo Li', password: FIRST, role: 'author' });
    await bo.goto(`${h.url}/#/tokens`);
    await signIn(bo, 'bo@example.com', FIRST);
    await bo.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await bo.getByLabel('Expires after').inputValue()).toBe('90');
    await bo.getByLabel('Name').fill('bo loader');
    await bo.getByRole('button', { name: 'Create token' }).click();
    boSecret = await bo.getByLabel('New API token').inputValue();
    expect(await scriptStatus(boSecret)).toBe(200);
    const row = bo.getByRole('row', { name: /bo loader/ });
    await expect.poll(() => row.count()).toBe(1);
    // A non-admin's list has no owner column: Name, Created, Expires, Last used, Status.
    const cells = await row.getByRole('cell').allInnerTexts();
    expect([day(Date.now() + 90 * DAY - 60_000), day(Date.now() + 90 * DAY)]).toContain(cells[2].slice(0, 10));
    expect(cells[4]).toBe('active');
  });

  it('creates a token that expires in 30 days, shows its expiry, and revokes it', async () => {
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Name').fill('monthly export');
    await page.getByLabel('Expires after').selectOption({ label: '30 days' });
    const before = Date.now();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('New API token').inputValue();
    expect(await page.getByRole('alert').innerText()).toMatch(/until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const row = page.getByRole('row', { name: /monthly export/ });
    await expect.poll(() => row.count()).toBe(1);
    // Name, Owner, Created, Expires, Last used, Status.
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[1]).toBe('Ada (you)');
    expect([day(before + 30 * DAY), day(Date.now() + 30 * DAY)]).toContain(cells[3].slice(0, 10));
    expect(cells[5]).toBe('active');
    expect(
      await page
        .getByRole('row', { name: /bo loader/ })
        .getByRole('cell')
        .nth(1)
        .innerText(),
    ).toBe('Bo Li');
    await shot(page, '01-tokens-admin');

    const asked = confirmNext(page);
    await page.getByRole('button', { name: 'Revoke monthly export' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(asked).toEqual(['Revoke the API token "monthly export"? Scripts using it stop working at once.']);
    expect(await scriptStatus(secret)).toBe(401);
  });

  it("finds another user's token by owner and revokes it", async () => {
    await page.getByLabel('Owner').selectOption({ label: 'Bo Li' });
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByLabel('Search').fill('nothing like it');
    await expect.poll(() => page.getByText('No token matches.').count()).toBe(1);
    await page.getByLabel('Search').fill('LOADER');
    const row = page.getByRole('row', { name: /bo loader/ });
    await expect.poll(() => row.count()).toBe(1);
    await shot(page, '02-tokens-owner-filter');
    const asked = confirmNext(page);
    await page.getByRole('button', { name: 'Revoke bo loader' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(asked).toEqual(['Revoke the API token "bo loader" of Bo Li? Scripts using it stop working at once.']);
    expect(await scriptStatus(boSecret)).toBe(401);
  });

  it('disables a signed-in user: their next click lands on sign-in, and they cannot sign in', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    expect(await page.getByRole('button', { name: 'Disable ada@example.com' }).count()).toBe(0);
    const asked = confirmNext(page);
    await page.getByRole('button', { name: 'Disable bo@example.com' }).click();
    const row = page.getByRole('row', { name: /bo@example.com/ });
    await expect.poll(() => row.getByRole('cell').nth(3).innerText()).toBe('disabled');
    expect(asked[0]).toMatch(/^Disable Bo Li \(bo@example.com\)\? They are signed out at once/);
    await page.getByLabel('Search').fill('disabled');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByLabel('Search').fill('');
    await shot(page, '03-users-disabled');

    await bo.getByRole('link', { name: 'Runs' }).click();
    await bo.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await bo.getByRole('link', { name: 'Tokens' }).count()).toBe(0);
    await expect.poll(() => bo.getByText(/Your session has ended/).count()).toBe(1);
    await shot(bo, '03b-session-ended');
    await signIn(bo, 'bo@example.com', FIRST);
    await expect.poll(() => bo.getByText('wrong email or password').count()).toBe(1);
    expect(await bo.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
  });

  it('enables the user and resets their password in a dialog, refusing a short one at its field', async () => {
    const asked = confirmNext(page);
    await page.getByRole('button', { name: 'Enable bo@example.com' }).click();
    const row = page.getByRole('row', { name: /bo@example.com/ });
    await expect.poll(() => row.getByRole('cell').nth(3).innerText()).toBe('active');
    expect(asked[0]).toMatch(/^Enable Bo Li/);

    await page.getByRole('button', { name: 'Reset password of bo@example.com' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of Bo Li' });
    await dialog.getByLabel('New password').fill('short');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => dialog.locator('.problem').innerText()).toBe('at least 10 characters');
    await shot(page, '04-reset-password');
    await dialog.getByLabel('New password').fill(RESET);
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByText(/New password set for Bo Li/).count()).toBe(1);

    await signIn(bo, 'bo@example.com', FIRST);
    await expect.poll(() => bo.getByText('wrong email or password').count()).toBeGreaterThan(0);
    await signIn(bo, 'bo@example.com', RESET);
    await bo.getByRole('link', { name: 'My account' }).waitFor();
  });

  it('lets the user change their own password on the Account page and sign in with it', async () => {
    await bo.getByRole('link', { name: 'My account' }).click();
    await bo.getByRole('heading', { name: 'My account' }).waitFor();
    const form = bo.getByRole('form', { name: 'Change my password' });
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel(/^New password/).fill(OWN);
    await form.getByLabel('Repeat the new password').fill(OWN);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.locator('.problem').innerText()).toBe('this is not your current password');
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await shot(bo, '05-account-wrong-current');

    await form.getByLabel('Current password').fill(RESET);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => bo.getByText(/^Password changed/).count()).toBe(1);
    expect(await form.getByLabel('Current password').inputValue()).toBe('');
    await shot(bo, '06-account-changed');

    await bo.getByRole('button', { name: 'Sign out' }).click();
    await signIn(bo, 'bo@example.com', OWN);
    await bo.getByRole('link', { name: 'My account' }).waitFor();
    expect(await bo.locator('.who').first().innerText()).toMatch(/Bo Li/);
  });

  it('shows no console errors beyond the refusals the test provoked', async () => {
    // Bo: the 401 that ended his session, three refused sign-ins (401) and the wrong current password (403).
    expect(boErrors.filter((e) => !/status of (401|403)/.test(e))).toEqual([]);
    // Ada: the short password refused (400).
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});
