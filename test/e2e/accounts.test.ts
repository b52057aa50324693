/**
 * Users and API tokens as pages in Debian's chromium, at 1280x800 and 1920x1080 (each over a
 * fresh server): an admin adds a user (a short password is refused at its field), finds them
 * by search and changes their role after confirming (a cancelled change is not made, nor is
 * demoting the only admin); every user creates an API token whose secret is shown once, uses
 * it from a script, sees when it was last used, and revokes it, after which the script gets
 * 401; a non-admin has "Tokens" but no "Users". No console errors beyond the refusals the
 * test provokes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

type Account = { email: string; name: string; role: string };

describe.each(VIEWPORTS)('users and API tokens at $width x $height', (viewport) => {
  const tag = `${viewport.width}x${viewport.height}`;
  let h: Harness;
  let page: Page;
  let errors: string[];
  const shot = (name: string) => screenshot(page, `accounts-${tag}-${name}`);
  const users = async () => (await (await page.request.get(`${h.url}/api/users`)).json()) as Account[];
  const roleOf = async (email: string) => (await users()).find((u) => u.email === email)?.role;
  const addForm = () => page.getByRole('form', { name: 'Add a user' });
  /** What a script holding `token` gets for GET /api/datasets. */
  const scriptStatus = async (token: string) =>
    (await fetch(`${h.url}/api/datasets`, { headers: { Authorization: `Bearer ${token}` } })).status;
  let secret = '';

  beforeAll(async () => {
    h = await startHarness();
    page = await h.browser.newPage({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    errors = watchConsole(page);
  });
  afterAll(async () => h?.close());

  it('adds a user from the Users page, showing the password rule at its field', async () => {
    await setUpFirstAdmin(page, h.url);
    await page.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'ada@example.com', exact: true }).count()).toBe(1);
    await addForm().getByLabel('Name').fill('Bo Li');
    await addForm().getByLabel('E-mail').fill('bo@example.com');
    await addForm().getByLabel('Role').selectOption('viewer');
    await addForm().getByLabel('Initial password').fill('short');
    await addForm().getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => addForm().locator('.problem').innerText()).toBe('at least 10 characters');
    expect(await addForm().getByLabel('Initial password').getAttribute('aria-invalid')).toBe('true');
    expect(await roleOf('bo@example.com')).toBeUndefined();
    await shot('01-password-refused');

    await addForm().getByLabel('Initial password').fill('correct horse battery');
    await addForm().getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => roleOf('bo@example.com')).toBe('viewer');
    await expect.poll(() => page.getByRole('cell', { name: 'bo@example.com', exact: true }).count()).toBe(1);
    expect(await addForm().locator('.problem').count()).toBe(0);

    await page.getByLabel('Search').fill('bo@');
    await expect.poll(() => page.getByRole('cell', { name: 'ada@example.com', exact: true }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'bo@example.com', exact: true }).count()).toBe(1);
    await page.getByLabel('Search').fill('nobody');
    await expect.poll(() => page.getByText('No user matches "nobody".').count()).toBe(1);
    await page.getByLabel('Search').fill('');
  });

  it('changes a role only after confirmation', async () => {
    const role = page.getByLabel('Role of bo@example.com');
    page.once('dialog', (d) => d.dismiss());
    await role.selectOption('approver');
    await expect.poll(() => role.inputValue()).toBe('viewer');
    expect(await roleOf('bo@example.com')).toBe('viewer');

    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await role.selectOption('approver');
    await expect.poll(() => roleOf('bo@example.com')).toBe('approver');
    expect(asked).toBe('Change Bo Li (bo@example.com) from viewer to approver?');
    await expect.poll(() => page.getByText('Bo Li is now approver').count()).toBe(1);
    expect(await role.inputValue()).toBe('approver');
    await shot('02-role-changed');
  });

  it('refuses to demote the only admin, saying why, and keeps the role shown', async () => {
    const role = page.getByLabel('Role of ada@example.com');
    page.once('dialog', (d) => d.accept());
    await role.selectOption('viewer');
    await expect.poll(() => page.getByText(/ada@example.com is the only admin/).count()).toBe(1);
    expect(await role.inputValue()).toBe('admin');
    expect(await roleOf('ada@example.com')).toBe('admin');
  });

  it('creates an API token, shows its secret once with a copy button, and a script can use it', async () => {
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Name').fill('nightly loader');
    await page.getByRole('button', { name: 'Create token' }).click();
    const field = page.getByLabel('New API token');
    await field.waitFor();
    secret = await field.inputValue();
    expect(secret).toMatch(/^tm_[\w-]{30,}$/);
    expect(await page.getByRole('alert').innerText()).toMatch(/shown only this once/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await shot('03-token-created');

    expect(await scriptStatus(secret)).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    const row = page.getByRole('row', { name: /nightly loader/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByLabel('New API token').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[4]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('revokes the token after confirmation, and the script then gets 401', async () => {
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Revoke nightly loader' }).click();
    await expect.poll(() => page.getByText('No API tokens yet.').count()).toBe(1);
    expect(await scriptStatus(secret)).toBe(401);
    await shot('04-token-revoked');
  });

  it('gives a non-admin "Tokens" but no "Users"', async () => {
    const bo = await h.browser.newPage({ viewport });
    const boErrors = watchConsole(bo);
    await bo.goto(`${h.url}/#/users`);
    await bo.getByLabel('E-mail').fill('bo@example.com');
    await bo.getByLabel('Password').fill('correct horse battery');
    await bo.getByRole('button', { name: 'Sign in' }).click();
    await bo.getByRole('link', { name: 'Tokens' }).waitFor();
    expect(await bo.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await bo.getByRole('heading', { name: 'Users and roles' }).count()).toBe(0);
    await bo.getByRole('link', { name: 'Tokens' }).click();
    await bo.getByRole('heading', { name: 'API tokens' }).waitFor();
    await expect.poll(() => bo.getByText('No API tokens yet.').count()).toBe(1);
    await screenshot(bo, `accounts-${tag}-05-approver-tokens`);
    expect(boErrors).toEqual([]);
    await bo.close();
  });

  it('shows no console errors beyond the refused password and the refused demotion', async () => {
    expect(errors.filter((e) => !/status of (400|409)/.test(e))).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});
