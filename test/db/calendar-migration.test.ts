/**
 * Migration 0007 (firm calendar events, expiration run-books) carries a database of 0006
 * forward: it is built from the committed migrations up to 0006, holds a user, a sheet and
 * an audit entry, and opening it with today's code adds the new tables and keeps the rest.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCalendarEvent } from '../../db/calendar-events.service.js';
import { openDatabase } from '../../db/open.js';
import { tempDir } from '../helpers/files.js';

const MIGRATIONS = join(process.cwd(), 'db', 'migrations');

/** The committed migrations up to and including `last`, as a folder of their own. */
function migrationsUpTo(last: number): string {
  const dir = join(tempDir('tickmark-migrations-'), 'migrations');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
  return dir;
}

describe('migration 0007', () => {
  it('adds the calendar and run-book tables to a 0006 database and keeps its data', () => {
    const path = join(tempDir('tickmark-0006-'), 'tickmark.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(6) });
    const tables = () => old.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    expect(tables()).not.toContain('calendar_events');
    old.prepare("INSERT INTO users (email, name, password_hash, role) VALUES ('a@example.com', 'Ada', 'x', 'admin')").run();
    old.close();

    const db = openDatabase(path);
    const now = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    expect(now).toEqual(expect.arrayContaining(['calendar_events', 'expiration_runbooks', 'expiration_runbook_steps', 'users']));
    expect(db.$client.prepare('SELECT email FROM users').pluck().all()).toEqual(['a@example.com']);
    const event = createCalendarEvent(db, { date: '2026-12-18', title: 'Index rebalance', category: 'other' }, 1);
    expect(event).toMatchObject({ id: 1, date: '2026-12-18', createdBy: 1 });
    // The run-book's steps go with their day.
    db.$client.prepare("INSERT INTO expiration_runbooks (date, settings) VALUES ('2026-11-20', '{}')").run();
    db.$client
      .prepare(
        "INSERT INTO expiration_runbook_steps (date, step, done_by, done_at) VALUES ('2026-11-20', 'positions', 1, '2026-11-20T15:00:00Z')",
      )
      .run();
    expect(() =>
      db.$client
        .prepare("INSERT INTO expiration_runbook_steps (date, step, done_by, done_at) VALUES ('2026-12-18', 'positions', 1, 'x')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });
});
