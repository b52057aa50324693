/**
 * The server's settings, read from the environment once at start and validated: a bad
 * value stops the server with a message naming the variable. Nothing else reads
 * process.env.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  TICKMARK_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TICKMARK_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TICKMARK_HOST: z.string().min(1).default('0.0.0.0'),
  TICKMARK_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(200),
  TICKMARK_RUN_MEMORY_MB: z.coerce.number().int().min(256).max(65536).default(1536),
  TICKMARK_ADMIN_EMAIL: z.email().optional(),
  TICKMARK_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
  TICKMARK_DEMO: z.enum(['true', 'false']).default('true'),
  TICKMARK_WATCH_DIR: z.string().min(1).optional(),
});

export interface Config {
  dataDir: string;
  databasePath: string;
  port: number;
  host: string;
  maxUploadBytes: number;
  runMemoryMb: number;
  admin?: { email: string; password: string };
  demo: boolean;
  /** Where scheduled runs look for their input files. */
  watchDir: string;
}

/** Validates `env` (process.env at start); throws an Error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`bad configuration: ${problems}`);
  }
  const v = parsed.data;
  if (Boolean(v.TICKMARK_ADMIN_EMAIL) !== Boolean(v.TICKMARK_ADMIN_PASSWORD)) {
    throw new Error('bad configuration: TICKMARK_ADMIN_EMAIL and TICKMARK_ADMIN_PASSWORD go together');
  }
  const dataDir = resolve(v.TICKMARK_DATA_DIR);
  return {
    dataDir,
    databasePath: resolve(dataDir, 'tickmark.db'),
    port: v.TICKMARK_PORT ?? v.PORT ?? 3000,
    host: v.TICKMARK_HOST,
    maxUploadBytes: v.TICKMARK_MAX_UPLOAD_MB * 1024 * 1024,
    runMemoryMb: v.TICKMARK_RUN_MEMORY_MB,
    ...(v.TICKMARK_ADMIN_EMAIL ? { admin: { email: v.TICKMARK_ADMIN_EMAIL, password: v.TICKMARK_ADMIN_PASSWORD! } } : {}),
    demo: v.TICKMARK_DEMO === 'true',
    watchDir: resolve(v.TICKMARK_WATCH_DIR ?? resolve(dataDir, 'inbox')),
  };
}
