/**
 * The calendar, its firm events, the iCalendar feed and the expiration-day run-book through
 * the real HTTP stack on a real SQLite file. Golden days are worked out by hand from the
 * exchanges' rules (comments say how); the feed is read back by a real parser (ical.js).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { tickStep } from '../../db/runbook/runbook.service.js';
import { admin, approveLatest, Client, fileForm, testServer, userWithRole, type TestServer } from './helpers.js';

type Entry = { date: string; source: string; event: string; detail: string; firm?: { id: number; title: string } };

const calendar = async (client: Client, query: string) => client.json('GET', `/api/calendar?${query}`);

describe('the calendar over a range', () => {
  it('lists the rule events and the firm events of November and December 2026, in date order', async () => {
    const server = testServer();
    const boss = await admin(server);
    const created = await boss.json('POST', '/api/calendar/events', {
      date: '2026-12-18',
      title: 'XYZ 2-for-1 split effective',
      category: 'corporate action',
    });
    expect(created.status).toBe(201);
    const { status, body } = await calendar(boss, 'from=2026-11-01&to=2026-12-31&roots=CL,ES');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-11-01', to: '2026-12-31', roots: ['CL', 'ES'] });
    const seen = (body.entries as Entry[]).map((e) => [e.date, e.event, e.source === 'firm' ? e.detail : undefined]);
    // By hand, November 2026 starts on a Sunday:
    // - Thanksgiving, the 4th Thursday: 5, 12, 19, 26 -> 26th; the Friday after closes at 13:00.
    // - Monthly expiration, the 3rd Friday: 6, 13, 20 -> 20th; December's: 4, 11, 18 -> 18th.
    // - CL Dec 2026: 3 business days before 25 Nov (a Wednesday): 24, 23, 20 -> Fri 20 Nov.
    // - CL Jan 2027: 25 Dec is a holiday, so 4 business days before it: 24, 23, 22, 21 -> Mon 21 Dec.
    // - ES Dec 2026: the 3rd Friday, 18 Dec. Christmas Eve (Thursday) closes at 13:00, Christmas is Friday.
    // - Quarterly expiration: December's last session, Thursday 31 Dec (1 Jan 2027 is the holiday).
    expect(seen).toEqual([
      ['2026-11-20', 'monthly expiration', undefined],
      ['2026-11-20', 'futures last trading day', undefined],
      ['2026-11-26', 'holiday', undefined],
      ['2026-11-27', 'early close', undefined],
      ['2026-12-18', 'monthly expiration', undefined],
      ['2026-12-18', 'futures last trading day', undefined],
      ['2026-12-18', 'firm event', 'XYZ 2-for-1 split effective'],
      ['2026-12-21', 'futures last trading day', undefined],
      ['2026-12-24', 'early close', undefined],
      ['2026-12-25', 'holiday', undefined],
      ['2026-12-31', 'quarterly expiration', undefined],
    ]);
    const futures = (body.entries as Entry[]).filter((e) => e.event === 'futures last trading day').map((e) => `${e.date} ${e.detail}`);
    expect(futures).toEqual(['2026-11-20 CL Dec 2026', '2026-12-18 ES Dec 2026', '2026-12-21 CL Jan 2027']);
    expect((body.entries as Entry[]).find((e) => e.event === 'early close')!.detail).toBe('13:00');
    // Without roots: no futures at all.
    const plain = (await calendar(boss, 'from=2026-11-01&to=2026-12-31')).body.entries as Entry[];
    expect(plain.filter((e) => e.event === 'futures last trading day')).toEqual([]);
  });

  it('refuses a range it cannot answer with 422 naming the parameter', async () => {
    const server = testServer();
    const boss = await admin(server);
    const refused = async (query: string, field: string, message: RegExp) => {
      const { status, body } = await calendar(boss, query);
      expect(status, query).toBe(422);
      expect(body.error).toMatchObject({ code: 'bad_range', details: { field } });
      expect(body.error.message).toMatch(message);
    };
    await refused('from=2026-02-30&to=2026-03-01', 'from', /^from: 2026-02-30 is not a day/);
    await refused('from=2026-03-01&to=2026/03/31', 'to', /^to: "2026\/03\/31" is not a date in the form YYYY-MM-DD/);
    await refused('from=2026-03-01&to=2026-02-01', 'to', /before from/);
    await refused('from=2026-01-01&to=2031-01-01', 'to', /longer than 5 years/);
    await refused('from=2026-01-01&to=2026-12-31&roots=CL,XX', 'roots', /unknown futures root XX/);
    const doc = (await boss.json('GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/calendar', '/api/calendar.ics', '/api/calendar/events/{id}', '/api/expirations/{date}/steps/{step}']),
    );
    // Five years less a day is allowed.
    expect((await calendar(boss, 'from=2026-01-01&to=2030-12-31')).status).toBe(200);
    expect((await calendar(boss, 'to=2026-12-31')).status).toBe(400);
    expect((await new Client(server).json('GET', '/api/calendar?from=2026-01-01&to=2026-01-31')).status).toBe(401);
  });
});

describe('firm events', () => {
  it('creates, changes and deletes an event, each audited with before and after', async () => {
    const server = testServer();
    const boss = await admin(server);
    const created = await boss.json('POST', '/api/calendar/events', {
      date: '2027-01-15',
      title: ' 13F filing deadline ',
      category: 'regulator deadline',
      note: 'Q4 holdings',
    });
    expect(created).toMatchObject({ status: 201, body: { date: '2027-01-15', title: '13F filing deadline', note: 'Q4 holdings' } });
    const id = created.body.id as number;
    const changed = await boss.json('PATCH', `/api/calendar/events/${id}`, { date: '2027-02-14', note: null });
    expect(changed).toMatchObject({ status: 200, body: { date: '2027-02-14', title: '13F filing deadline', note: null } });
    const listed = (await calendar(boss, 'from=2027-02-01&to=2027-02-28')).body.entries as Entry[];
    expect(listed.filter((e) => e.source === 'firm').map((e) => [e.date, e.firm!.id])).toEqual([['2027-02-14', id]]);
    expect((await boss.json('DELETE', `/api/calendar/events/${id}`)).status).toBe(204);
    expect((await boss.json('DELETE', `/api/calendar/events/${id}`)).status).toBe(404);
    expect((await calendar(boss, 'from=2027-02-01&to=2027-02-28')).body.entries.filter((e: Entry) => e.source === 'firm')).toEqual([]);

    const trail = (await boss.json('GET', '/api/audit?entity=calendar_event')).body.rows as {
      action: string;
      before: unknown;
      after: unknown;
    }[];
    expect(trail.map((r) => r.action)).toEqual(['calendar.event.delete', 'calendar.event.update', 'calendar.event.create']);
    expect(trail[1].before).toMatchObject({ date: '2027-01-15', note: 'Q4 holdings' });
    expect(trail[1].after).toMatchObject({ date: '2027-02-14', note: null });
    expect(trail[0].before).toMatchObject({ title: '13F filing deadline' });
  });

  it('refuses a bad event naming each field, and viewers may not write', async () => {
    const server = testServer();
    const boss = await admin(server);
    const bad = await boss.json('POST', '/api/calendar/events', { date: '2026-13-01', title: '   ', category: 'other' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_event');
    expect(bad.body.error.details).toEqual([
      { field: 'date', message: '2026-13-01 is not a day of the calendar' },
      { field: 'title', message: 'a title is needed' },
    ]);
    const category = await boss.json('POST', '/api/calendar/events', { date: '2026-12-01', title: 'x', category: 'party' });
    expect(category.status).toBe(400);
    expect(category.body.error.message).toMatch(/category/);
    const unknownField = await boss.json('POST', '/api/calendar/events', {
      date: '2026-12-01',
      title: 'x',
      category: 'other',
      colour: 'red',
    });
    expect(unknownField.status).toBe(400);
    expect((await boss.json('PATCH', '/api/calendar/events/999', { title: 'y' })).status).toBe(404);
    const viewer = await userWithRole(server, 'viewer');
    expect((await viewer.json('POST', '/api/calendar/events', { date: '2026-12-01', title: 'x', category: 'other' })).status).toBe(403);
    expect((await calendar(viewer, 'from=2026-12-01&to=2026-12-31')).status).toBe(200);
  });
});

/** The feed's events as the parser reads them: all-day date, summary, UID, stamp. */
function parseFeed(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
      stamp: vevent.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    };
  });
}

describe('the iCalendar feed', () => {
  it('serves every event as an all-day VEVENT with a stable UID, read back by a real parser', async () => {
    const server = testServer();
    const boss = await admin(server);
    // Escaping (comma, semicolon, backslash, new line) and a note long enough to be folded.
    const title = 'Board meeting; dividend, maybe \\ special';
    const note = `Agenda:\n${'item, '.repeat(40)}end`;
    await boss.json('POST', '/api/calendar/events', { date: '2026-12-03', title, category: 'corporate action', note });
    const { token } = (await boss.json('POST', '/api/tokens', { name: 'Calendar feed' })).body as { token: string };

    const feed = await new Client(server).request('GET', `/api/calendar.ics?token=${token}&from=2026-11-01&to=2026-12-31&roots=CL`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await feed.text();
    // RFC 5545: CRLF lines of at most 75 octets, the long note folded.
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toMatch(/\r\n [^\r\n]/);
    const events = parseFeed(text);
    expect(events.map((e) => [e.date, e.summary])).toEqual([
      ['2026-11-20', 'Monthly options expiration (Nov 2026)'],
      ['2026-11-20', 'Last trading day: CL Dec 2026'],
      ['2026-11-26', expect.stringMatching(/^Market holiday: Thanksgiving/)],
      ['2026-11-27', 'Early close 13:00'],
      ['2026-12-03', title],
      ['2026-12-18', 'Monthly options expiration (Dec 2026)'],
      ['2026-12-21', 'Last trading day: CL Jan 2027'],
      ['2026-12-24', 'Early close 13:00'],
      ['2026-12-25', expect.stringMatching(/^Market holiday: Christmas/)],
      ['2026-12-31', 'Quarterly options expiration (Q4 2026)'],
    ]);
    expect(events.every((e) => e.allDay && e.stamp)).toBe(true);
    expect(events.find((e) => e.summary === title)!.description).toBe(`corporate action\n${note}`);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // The same UIDs on the next fetch: a subscriber updates events rather than duplicating them.
    const again = parseFeed(
      await (await new Client(server).request('GET', `/api/calendar.ics?token=${token}&from=2026-11-01&to=2026-12-31&roots=CL`)).text(),
    );
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    // Without from/to: a year back to two years ahead of today.
    const wide = parseFeed(await (await new Client(server).request('GET', `/api/calendar.ics?token=${token}`)).text());
    const year = new Date().getUTCFullYear();
    expect(wide.some((e) => e.date.startsWith(`${year - 1}-`)) && wide.some((e) => e.date.startsWith(`${year + 2}-`))).toBe(true);
  });

  it('needs an API token in the query: 401 without one, with a wrong one, or with only a session cookie', async () => {
    const server = testServer();
    const boss = await admin(server);
    const { token } = (await boss.json('POST', '/api/tokens', { name: 'Calendar feed' })).body as { token: string };
    const anonymous = await new Client(server).json('GET', '/api/calendar.ics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toMatch(/\?token=/);
    const wrong = await new Client(server).json('GET', '/api/calendar.ics?token=tm_not-a-token');
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'bad_token' } } });
    expect((await boss.json('GET', '/api/calendar.ics')).status).toBe(401);
    // Only this route takes a token from the query.
    expect((await new Client(server).json('GET', `/api/calendar?from=2026-01-01&to=2026-01-31&token=${token}`)).status).toBe(401);
    const bad = await new Client(server).json('GET', `/api/calendar.ics?token=${token}&roots=QQ`);
    expect(bad).toMatchObject({ status: 422, body: { error: { details: { field: 'roots' } } } });
    expect(JSON.stringify(bad.body)).not.toContain(token);
    // The token is never written down: not in the audit trail.
    const trail = JSON.stringify((await boss.json('GET', '/api/audit?limit=1000')).body);
    expect(trail).not.toContain(token);
  });
});

/** A check standing in for the expiration sheet: each position short of zero is an exception. */
const expirationSheet = (defaultDate: string) => ({
  sheets: [
    {
      name: 'Settings',
      cells: [
        ['Type', 'Check'],
        ['Data', 'option_positions'],
        ['Key', 'occ_symbol'],
        ['Param ExpirationDate', defaultDate],
      ],
    },
    {
      name: 'Rows',
      cells: [
        ['occ_symbol', 'quantity', 'Exception'],
        [null, null, '=IF(B2<0,"assignment risk","")'],
      ],
    },
  ],
  names: [],
});

const DAY = '2026-11-20';

async function importOn(server: TestServer, client: Client, name: string, text: string, at: string): Promise<number> {
  const { status, body } = await client.json('POST', '/api/datasets', fileForm({ name }, { name: `${name}.csv`, text }));
  expect(status, JSON.stringify(body)).toBe(201);
  // The import as it happened on expiration day: the only way to have a past day's import is to date it.
  server.db.$client.prepare('UPDATE datasets SET created_at = ? WHERE id = ?').run(at, body.id);
  return body.id as number;
}

async function runbookSetUp() {
  const server = testServer();
  const boss = await admin(server);
  const ops = await userWithRole(server, 'author');
  const manager = await userWithRole(server, 'approver');
  const sheet = await boss.json(
    'POST',
    '/api/sheets',
    fileForm({ name: 'Expiration' }, { name: 'e.json', text: JSON.stringify(expirationSheet('2026-12-18')) }),
  );
  expect(sheet.status).toBe(201);
  await approveLatest(boss, sheet.body.id, manager);
  // 20 Nov 2026 in New York is UTC-5: 14:00Z is 09:00 there.
  const positions = await importOn(
    server,
    ops,
    'option_positions',
    'occ_symbol,quantity\nAAPL  261120C00150000,10\nMSFT  261120P00400000,-5\n',
    `${DAY}T14:00:00.000Z`,
  );
  return { server, boss, ops, manager, sheetId: sheet.body.id as number, positions };
}

async function officialRun(
  server: TestServer,
  client: Client,
  sheetId: number,
  data: Record<string, number>,
  params?: Record<string, string>,
) {
  const started = await client.json('POST', `/api/sheets/${sheetId}/runs`, { data, ...(params ? { params } : {}) });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await server.runs.idle();
  return (await client.json('GET', `/api/runs/${started.body.id}`)).body as { id: number; status: string };
}

describe('the expiration-day run-book', () => {
  it('shows the evidence, refuses steps it contradicts, and signs off with four eyes', async () => {
    const { server, boss, ops, manager, sheetId, positions } = await runbookSetUp();
    const book = (await ops.json('GET', `/api/expirations/${DAY}`)).body;
    expect(book.kinds).toEqual(['monthly']);
    expect(book.settings).toMatchObject({ sheet: 'Expiration', positionsDataset: 'option_positions', dateParam: 'ExpirationDate' });
    expect(book.evidence.positions.map((d: { id: number }) => d.id)).toEqual([positions]);
    expect(book.evidence.closes).toEqual([]);
    expect(book.evidence.run).toBeNull();
    expect(book.steps.map((s: { step: string; refusal: { code: string } | null }) => [s.step, s.refusal?.code ?? null])).toEqual([
      ['positions', null],
      ['closes', 'no_evidence'],
      ['cutoff', null],
      ['exceptions', 'no_evidence'],
    ]);

    const tick = (client: Client, step: string, note?: string) =>
      client.json('POST', `/api/expirations/${DAY}/steps/${step}`, note ? { note } : undefined);
    const closes = await tick(ops, 'closes');
    expect(closes).toMatchObject({ status: 409, body: { error: { code: 'no_evidence' } } });
    expect(closes.body.error.message).toBe(
      `"Closes loaded" cannot be ticked: no underlying_closes dataset was imported on ${DAY} (New York time): import it first`,
    );
    // 02:00Z on the 21st is still the 20th in New York (21:00 there).
    await importOn(server, ops, 'underlying_closes', 'symbol,date,close\nAAPL,2026-11-20,151.2\n', '2026-11-21T02:00:00.000Z');
    // An import on the 21st in New York is not evidence for the 20th.
    await importOn(server, ops, 'option_positions', 'occ_symbol,quantity\nX,1\n', '2026-11-21T06:00:00.000Z');

    const ticked = await tick(ops, 'positions', 'file from the clearing firm');
    expect(ticked.status).toBe(200);
    const done = ticked.body.steps[0].done;
    expect(done).toMatchObject({ by: { name: 'author' }, note: 'file from the clearing firm', evidence: { datasets: [positions] } });
    expect(Date.now() - Date.parse(done.at)).toBeLessThan(60_000);
    expect((await tick(ops, 'positions')).body.error.code).toBe('already_done');
    expect((await tick(ops, 'closes')).status).toBe(200);
    expect((await tick(ops, 'cutoff')).status).toBe(200);

    // The official run for the day, given the date; its one short position is an open exception.
    const run = await officialRun(server, ops, sheetId, { option_positions: positions }, { ExpirationDate: DAY });
    expect(run.status).toBe('succeeded');
    // A run left at the sheet's default date (18 Dec) is not the 20th's.
    await officialRun(server, ops, sheetId, { option_positions: positions });
    const open = await tick(ops, 'exceptions');
    expect(open.status).toBe(409);
    expect(open.body.error).toMatchObject({ code: 'open_exceptions' });
    expect(open.body.error.message).toBe(
      `"Exceptions worked" cannot be ticked: run ${run.id} of Expiration for ${DAY} still has 1 open exception: resolve or close it in Exceptions first`,
    );
    const evidence = (await ops.json('GET', `/api/expirations/${DAY}`)).body.evidence.run;
    expect(evidence).toMatchObject({ id: run.id, status: 'succeeded', matchedBy: 'param', exceptions: 1, openExceptions: 1 });

    // Work the exception, then the step can be ticked.
    const items = (await ops.json('GET', `/api/queue?sheetId=${sheetId}&limit=10`)).body.items as { id: number }[];
    expect(items).toHaveLength(1);
    const resolved = await ops.json('POST', '/api/queue/bulk', {
      ids: [items[0].id],
      change: { status: 'resolved', comment: 'assignment expected' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect((await tick(ops, 'exceptions')).status).toBe(200);

    // Four eyes: whoever ticked a step cannot sign off, even as an admin-like approver; a viewer may not at all.
    const opsBoss = await userWithRole(server, 'approver');
    await opsBoss.json('DELETE', `/api/expirations/${DAY}/steps/cutoff`);
    expect((await opsBoss.json('POST', `/api/expirations/${DAY}/sign-off`, {})).body.error.code).toBe('steps_missing');
    expect((await tick(opsBoss, 'cutoff')).status).toBe(200);
    const own = await opsBoss.json('POST', `/api/expirations/${DAY}/sign-off`, {});
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({
      code: 'four_eyes',
      message: 'you ticked "Instructions cut-off passed": someone who did none of the steps must sign off',
    });
    expect((await ops.json('POST', `/api/expirations/${DAY}/sign-off`, {})).status).toBe(403);
    expect((await manager.json('GET', `/api/expirations/${DAY}`)).body.signOffRefusal).toBeNull();
    const signed = await manager.json('POST', `/api/expirations/${DAY}/sign-off`, { note: 'all clear' });
    expect(signed.status).toBe(200);
    expect(signed.body.signOff).toMatchObject({ by: { name: 'approver' }, note: 'all clear' });
    // Signed off: nothing changes any more.
    expect((await ops.json('DELETE', `/api/expirations/${DAY}/steps/positions`)).body.error.code).toBe('signed_off');
    expect((await manager.json('POST', `/api/expirations/${DAY}/sign-off`, {})).body.error.code).toBe('signed_off');

    const trail = (await boss.json('GET', `/api/audit?entity=expiration_runbook&entityId=${DAY}`)).body.rows as {
      action: string;
      user: string;
    }[];
    expect(trail.map((r) => r.action)).toEqual([
      'runbook.sign_off',
      'runbook.step.tick',
      'runbook.step.untick',
      'runbook.step.tick',
      'runbook.step.tick',
      'runbook.step.tick',
      'runbook.step.tick',
    ]);
  });

  it('checks the cut-off against New York time, and takes the sheet chosen for the day', async () => {
    const { server, ops, sheetId } = await runbookSetUp();
    // 17:30 in New York on 20 Nov 2026 (EST, UTC-5) is 22:30Z.
    expect(() => tickStep(server.db, { date: DAY, step: 'cutoff', userId: 2 }, new Date('2026-11-20T22:29:00Z'))).toThrow(
      'the instructions cut-off, 2026-11-20 17:30 New York time, has not passed yet',
    );
    expect(tickStep(server.db, { date: DAY, step: 'cutoff', userId: 2 }, new Date('2026-11-20T22:30:00Z')).steps[2].done).not.toBeNull();

    // Another sheet chosen for the day: the run-book reads its runs instead.
    const other = await ops.json(
      'POST',
      '/api/sheets',
      fileForm({ name: 'Expiry v2' }, { name: 'e.json', text: JSON.stringify(expirationSheet(DAY)) }),
    );
    const chosen = await ops.json('PUT', `/api/expirations/${DAY}/settings`, { sheet: 'Expiry v2', cutoff: '16:15' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ chosen: { sheet: 'Expiry v2', cutoff: '16:15' }, evidence: { sheet: { id: other.body.id } } });
    expect(chosen.body.evidence.sheet.id).not.toBe(sheetId);
    const unknown = await ops.json('PUT', `/api/expirations/${DAY}/settings`, { sheet: 'Nope' });
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'unknown_sheet', details: { field: 'sheet' } } } });
    expect((await ops.json('PUT', `/api/expirations/${DAY}/settings`, { cutoff: '5pm' })).status).toBe(422);
    // Back to the default name.
    expect((await ops.json('PUT', `/api/expirations/${DAY}/settings`, { sheet: '' })).body.settings.sheet).toBe('Expiration');
  });

  it('has run-books only for expiration days', async () => {
    const { ops } = await runbookSetUp();
    const tuesday = await ops.json('GET', '/api/expirations/2026-11-17');
    expect(tuesday).toMatchObject({ status: 422, body: { error: { code: 'not_expiration' } } });
    expect(tuesday.body.error.message).toBe('2026-11-17 is not a monthly or quarterly option expiration day: it has no run-book');
    expect((await ops.json('GET', '/api/expirations/2026-11-31')).body.error.code).toBe('bad_date');
    expect((await ops.json('POST', '/api/expirations/2026-11-20/steps/coffee')).status).toBe(400);
    // Quarterly: the last session of December 2026, Thursday the 31st.
    expect((await ops.json('GET', '/api/expirations/2026-12-31')).body.kinds).toEqual(['quarterly']);
    // A future day's cut-off has not passed.
    const future = (await ops.json('GET', '/api/expirations/2099-12-18')).body;
    expect(future.steps[2].refusal.code).toBe('cutoff_not_passed');
  });
});
