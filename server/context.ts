/** What every request handler can reach: the signed-in user and the app's services. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/open.js';
import type { PublicUser, Role } from '../db/users.service.js';
import type { Config } from './config.js';
import type { RunManager } from './runs/run-manager.js';
import type { Scheduler } from './schedules/scheduler.js';

export interface Deps {
  db: Db;
  config: Config;
  runs: RunManager;
  scheduler: Scheduler;
}

export type AppEnv = {
  Variables: {
    user: PublicUser | null;
    /** How the caller signed in: CSRF applies to sessions only. */
    via: 'session' | 'token' | null;
    sessionToken: string | null;
  };
};

export type App = OpenAPIHono<AppEnv>;

/** Which roles may do what: viewers read, authors change data and sheets, everyone but viewers works exceptions. */
export const CAN = {
  read: ['admin', 'author', 'approver', 'viewer'],
  author: ['admin', 'author'],
  work: ['admin', 'author', 'approver'],
  approve: ['admin', 'approver'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
