/**
 * Four eyes in Debian's chromium: an author changes the demo reconciliation's exception rule
 * and submits it; an approver opens the review, sees the diff and a backtest on the last
 * official run's inputs (the commission break gone), and approves; the next official run
 * uses the new version. The author of a version cannot approve it, a rejection needs a
 * note, test runs are marked as such, and the audit trail verifies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, setUpFirstAdmin, startHarness, watchConsole, type Harness } from './harness.js';

const VIEWPORT = { width: 1280, height: 800 };
const PASSWORD = 'correct horse battery';
const planted = JSON.parse(readFileSync(join(process.cwd(), 'examples/planted-breaks.json'), 'utf8')) as {
  broker: Record<string, string>;
};
const commissionBlock = Object.entries(planted.broker).find(([, kind]) => kind === 'commission')![0];
// The demo's exception rule without its commission check.
const WITHOUT_COMMISSION =
  '=IF(C2="left only","missing at broker",IF(C2="right only","missing in FO",IF(Q2<>0,"quantity",IF(ABS(R2)>PriceTol,"price",IF(T2<>0,"settle date","")))))';

let h: Harness;
let admin: Page;
let author: Page;
let approver: Page;
const contexts: BrowserContext[] = [];
const errors: Record<string, string[]> = {};
let sheetId: number;
let officialRunId: number;

beforeAll(async () => {
  h = await startHarness();
  admin = await open('admin');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await h?.close();
});

/** A page in a browser context of its own (its own session cookie), its console watched. */
async function open(who: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  const page = await context.newPage();
  errors[who] = watchConsole(page);
  return page;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${h.url}/#/sheets`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('link', { name: 'fo-vs-broker' }).count()).toBe(1);
}

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${h.url}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function csrf(page: Page): Promise<string> {
  return (await api<{ csrfToken: string }>(page, '/api/auth/me')).csrfToken;
}

async function typeFormula(page: Page, address: string, text: string) {
  await page.getByLabel('Name box').fill(address);
  await page.getByLabel('Name box').press('Enter');
  await page.waitForTimeout(150);
  await page.getByLabel('Formula bar').fill(text);
  await page.getByLabel('Formula bar').press('Enter');
}

/** A link of the main navigation (a page may link to the same place). */
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

async function openSheet(page: Page, name: string) {
  await nav(page, 'Rule sheets').click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => page.getByTestId('preview-count').count(), { timeout: 120_000 }).toBe(1);
}

/** Starts the run the dialog offers first (official when a version is approved) and waits for it to succeed. */
async function runFromEditor(page: Page, choose?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<number> {
  await page.getByRole('button', { name: 'Run…' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByLabel(/^Dataset for/).count()).toBeGreaterThan(0);
  if (choose) await choose(dialog);
  await dialog.getByRole('button', { name: 'Start run' }).click();
  await expect.poll(() => heading(page), { timeout: 120_000 }).toMatch(/succeeded/);
  return Number(page.url().split('/').pop());
}

describe('four eyes on a rule change', () => {
  it('sets up an admin, an author and an approver, and runs the demo officially once', async () => {
    await setUpFirstAdmin(admin, h.url);
    const token = await csrf(admin);
    for (const [name, role] of [
      ['Bea', 'author'],
      ['Cy', 'approver'],
    ]) {
      const created = await admin.request.post(`${h.url}/api/users`, {
        headers: { 'X-Tickmark-CSRF': token },
        data: { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD, role },
      });
      expect(created.status()).toBe(201);
    }
    // The demo's sheets start approved by the system.
    await expect.poll(() => admin.locator('table.list').innerText()).toMatch(/fo-vs-broker\s+1\s+approved\s+version 1/);
    await screenshot(admin, 'gov-01-sheets');
    const sheets = await api<{ id: number; name: string }[]>(admin, '/api/sheets');
    sheetId = sheets.find((s) => s.name === 'fo-vs-broker')!.id;

    await openSheet(admin, 'fo-vs-broker');
    expect(await heading(admin)).toMatch(/fo-vs-broker\s+· version 1\s+approved/);
    await admin.getByRole('button', { name: 'Run…' }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel(/^Dataset for/).count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('radio', { name: /Official run/ }).isChecked()).toBe(true);
    expect(await dialog.innerText()).toMatch(/Official run of version 1, the approved one/);
    // Version 1 is the only one, and it is approved: nothing is left to test.
    expect(await dialog.getByRole('radio', { name: /Test run/ }).isDisabled()).toBe(true);
    await screenshot(admin, 'gov-02-run-dialog-official');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => heading(admin), { timeout: 120_000 }).toMatch(/succeeded/);
    officialRunId = Number(admin.url().split('/').pop());
    const run = await api<{ kind: string; version: number; summary: { by_exception: Record<string, number> } }>(
      admin,
      `/api/runs/${officialRunId}`,
    );
    expect(run).toMatchObject({ kind: 'official', version: 1 });
    expect(run.summary.by_exception.commission).toBe(1);
  });

  it('lets the author change the rule, test-run it, and submit it for review', async () => {
    author = await open('author');
    await signIn(author, 'bea@example.com');
    expect(await nav(author, 'Audit').count()).toBe(0);
    await openSheet(author, 'fo-vs-broker');
    await typeFormula(author, 'U2', WITHOUT_COMMISSION);
    await author.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => heading(author)).toMatch(/version 2\s+draft\s+approved: v1/);
    await screenshot(author, 'gov-03-editor-draft');

    // A test run of the draft: marked as such, and the queue is left alone.
    const testRunId = await runFromEditor(author, async (dialog) => {
      await dialog.getByRole('radio', { name: /Test run/ }).check();
      expect(await dialog.getByLabel('Version to test').inputValue()).toBe('2');
    });
    const banner = author.getByRole('note');
    await expect.poll(() => banner.innerText()).toMatch(/Test run of version 2: the exception queue is not touched/);
    expect(await heading(author)).toMatch(/test/);
    await screenshot(author, 'gov-04-test-run');
    expect(await api<{ kind: string; test: boolean; version: number }>(author, `/api/runs/${testRunId}`)).toMatchObject({
      kind: 'test',
      test: true,
      version: 2,
    });
    await nav(author, 'Runs').click();
    await expect
      .poll(() => author.locator('table.list').innerText())
      .toMatch(new RegExp(`#${testRunId}\\s+fo-vs-broker\\s+succeeded\\s+test\\s+2`));
    await screenshot(author, 'gov-05-runs');

    await openSheet(author, 'fo-vs-broker');
    await author.getByRole('button', { name: 'Submit for review…' }).click();
    const dialog = author.getByRole('dialog', { name: /Submit version 2/ });
    await dialog.getByLabel(/Note for the approver/).fill('commission differences are handled by the fees desk now');
    // The submission starts a backtest on the last official run's inputs, for the approver to read.
    const backtest = dialog.getByRole('checkbox', { name: new RegExp(`Backtest it on the inputs of official run #${officialRunId}\\b`) });
    await expect.poll(() => backtest.isChecked()).toBe(true);
    await screenshot(author, 'gov-06-submit');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => heading(author)).toMatch(/version 2\s+submitted\s+approved: v1/);
    expect(await author.getByRole('button', { name: 'Submit for review…' }).count()).toBe(0);

    // An author may look at the review but not decide it.
    await author.getByRole('link', { name: 'In review' }).click();
    await expect.poll(() => author.getByRole('region', { name: 'Decision' }).innerText()).toMatch(/Only an approver or an admin/);
  });

  it('shows the approver the diff and a backtest, and takes the approval', async () => {
    approver = await open('approver');
    await signIn(approver, 'cy@example.com');
    await nav(approver, 'Reviews').click();
    const list = approver.getByRole('table', { name: 'Waiting for review' });
    await expect
      .poll(() => list.innerText())
      .toMatch(/fo-vs-broker\s+version 2\s+Bea\s+Bea\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+commission differences/);
    await screenshot(approver, 'gov-07-reviews');
    await list.getByRole('link', { name: 'version 2' }).click();

    // The diff: U2 of Rows, the approved formula beside the submitted one.
    await expect.poll(() => approver.getByRole('heading', { name: 'What changed: version 1 → version 2' }).count()).toBe(1);
    const before = approver.getByRole('cell', { name: 'U2 in version 1' });
    await expect.poll(() => before.innerText()).toMatch(/ABS\(S2\)>CommissionTol,"commission"/);
    expect(await approver.getByRole('cell', { name: 'U2 in version 2' }).innerText()).toBe(WITHOUT_COMMISSION);
    expect(await approver.getByRole('table', { name: 'Changed cells of Rows' }).innerText()).toMatch(/^\s*U\b/);

    // The backtest the submission started replays version 2 on the official run's inputs: the commission break is gone.
    const backtest = approver.getByRole('region', { name: /Backtest/ });
    await expect.poll(() => backtest.innerText()).toContain(`official run #${officialRunId}`);
    const differ = backtest.getByRole('table', { name: 'Exceptions that differ' });
    await expect.poll(() => differ.innerText(), { timeout: 120_000 }).toMatch(new RegExp(`removed\\s+commission\\s+${commissionBlock}\\b`));
    expect(await backtest.getByLabel('Backtest counts').innerText()).toMatch(/added\s+0\s+removed\s+1\s+changed\s+0\s+unchanged\s+\d+/);
    await screenshot(approver, 'gov-08-review');
    await approver.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(approver, 'gov-09-review-decision');

    const decision = approver.getByRole('region', { name: 'Decision' });
    await decision.getByLabel(/Note/).fill('checked against the fees desk sign-off');
    await decision.getByRole('button', { name: 'Approve version 2' }).click();
    await expect.poll(() => heading(approver)).toMatch(/version 2\s+approved/);
    expect(await approver.getByText('version 2 approved: official runs now use it').count()).toBe(1);
  });

  it('runs the approved version officially next, without the commission break', async () => {
    await openSheet(admin, 'fo-vs-broker');
    expect(await heading(admin)).toMatch(/version 2\s+approved/);
    expect(await heading(admin)).not.toMatch(/approved: v/);
    const runId = await runFromEditor(admin, async (dialog) => {
      expect(await dialog.getByRole('radio', { name: /Official run/ }).isChecked()).toBe(true);
      expect(await dialog.innerText()).toMatch(/Official run of version 2, the approved one/);
    });
    const run = await api<{ sheetId: number; kind: string; version: number; summary: { by_exception: Record<string, number> } }>(
      admin,
      `/api/runs/${runId}`,
    );
    expect(run).toMatchObject({ sheetId, kind: 'official', version: 2 });
    expect(run.summary.by_exception.commission).toBeUndefined();
    const found = await api<{ total: number }>(admin, `/api/runs/${runId}/exceptions?q=${commissionBlock}&kind=commission`);
    expect(found.total).toBe(0);
    expect(await admin.getByRole('note').count()).toBe(0);

    // The history says who wrote, submitted and approved each version, and the runs each produced.
    await admin.goBack();
    await admin.getByRole('button', { name: 'History' }).click();
    const history = admin.getByRole('dialog', { name: 'Versions' });
    const v2 = history.getByRole('row').nth(1);
    await expect.poll(() => v2.innerText()).toMatch(/^2\s+approved/);
    const text = await v2.innerText();
    expect(text).toMatch(/written\s+Bea/);
    expect(text).toMatch(/submitted\s+Bea · .*“commission differences are handled by the fees desk now”/);
    expect(text).toMatch(/approved\s+Cy · .*“checked against the fees desk sign-off”/);
    expect(text).toMatch(new RegExp(`#${runId}\\b`));
    expect(text).toMatch(/#\d+ test/);
    expect(text).toMatch(/#\d+ backtest/);
    expect(await history.getByRole('row').nth(2).innerText()).toMatch(/^1\s+superseded[\s\S]*approved\s+system/);
    await screenshot(admin, 'gov-10-history');
    await history.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses an approval by the version’s own author, and a rejection without a note', async () => {
    // Ada (an admin) changes the compliance check and submits it herself.
    await openSheet(admin, 'compliance');
    await admin.getByRole('tab', { name: 'Settings' }).click();
    await typeFormula(admin, 'D1', 'reviewed yearly');
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => heading(admin)).toMatch(/version 2\s+draft/);
    await admin.getByRole('button', { name: 'Submit for review…' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => heading(admin)).toMatch(/version 2\s+submitted/);
    await admin.getByRole('link', { name: 'In review' }).click();
    const decision = admin.getByRole('region', { name: 'Decision' });
    await expect
      .poll(() => decision.innerText())
      .toMatch(/You wrote this version: someone else must approve it, unless no other approver or admin exists/);
    // Cy can approve, so Ada may not approve her own version: the server's answer, shown plainly.
    await decision.getByRole('button', { name: 'Approve version 2' }).click();
    await expect.poll(() => decision.getByRole('alert').innerText()).toMatch(/You wrote version 2: someone else must approve it/);
    await screenshot(admin, 'gov-11-four-eyes');
    const compliance = (await api<{ id: number; name: string }[]>(admin, '/api/sheets')).find((s) => s.name === 'compliance')!.id;
    expect((await api<{ status: string }[]>(admin, `/api/sheets/${compliance}/versions`))[0].status).toBe('submitted');

    await nav(approver, 'Reviews').click();
    await approver.getByRole('table', { name: 'Waiting for review' }).getByRole('link', { name: 'compliance' }).click();
    const review = approver.getByRole('region', { name: 'Decision' });
    const reject = review.getByRole('button', { name: 'Reject' });
    await expect.poll(() => reject.count()).toBe(1);
    expect(await reject.isDisabled()).toBe(true);
    await review.getByLabel(/Note/).fill('the note belongs in the README, not in Settings');
    expect(await reject.isDisabled()).toBe(false);
    await screenshot(approver, 'gov-12-reject');
    await reject.click();
    await expect.poll(() => heading(approver)).toMatch(/version 2\s+rejected/);
  });

  it('verifies the audit trail and shows who did what', async () => {
    await nav(approver, 'Audit').click();
    const entries = approver.getByRole('table', { name: 'Audit entries' });
    await expect.poll(() => entries.innerText()).toMatch(/sheet\.version\.reject/);
    await screenshot(approver, 'gov-13-audit-all');
    await approver.getByLabel('Action starts with').fill('sheet.version.');
    await approver.getByRole('button', { name: 'Filter' }).click();
    // The unfiltered list holds the approval too: wait for the filter to take the runs away first.
    await expect.poll(() => entries.innerText()).not.toMatch(/run\.|exception\./);
    expect(await entries.innerText()).toMatch(
      /cy@example\.com\s+sheet\.version\.approve\s+sheet\s+\d+\s+version: 2\s+status: submitted → approved/,
    );
    await approver.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() => approver.getByRole('status').filter({ hasText: 'Chain intact' }).innerText())
      .toMatch(/Chain intact: [\d,]+ entries, head [0-9a-f]{64}/);
    expect(await approver.getByRole('link', { name: 'Export .jsonl' }).getAttribute('href')).toBe('/api/audit/export?format=jsonl');
    await screenshot(approver, 'gov-14-audit-verified');

    // Only Ada's refused approval (403) went wrong, on purpose; and the sign-in page asked who is signed in (401: no one yet).
    expect(errors.admin.filter((e) => !/status of 403/.test(e))).toEqual([]);
    expect(errors.admin).toHaveLength(1);
    for (const who of ['author', 'approver']) expect(errors[who].filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
