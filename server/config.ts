/**
 * The server's settings, read from the environment once at start and validated: a bad
 * value stops the server with a message naming the variable. Nothing else reads
 * process.env.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { passwordProblem } from '../db/password-policy.js';
import type { ImportLimits } from '../ingest/file-limits.js';

const schema = z.object({
  TICKMARK_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TICKMARK_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TICKMARK_HOST: z.string().min(1).default('0.0.0.0'),
  TICKMARK_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(200),
  TICKMARK_RUN_MEMORY_MB: z.coerce.number().int().min(256).max(65536).default(1536),
  // What an uploaded or watched-folder dataset file may hold (ingest/file-limits.ts); each refusal names its variable.
  TICKMARK_MAX_UNZIPPED_MB: z.coerce.number().int().min(1).max(4096).default(256),
  TICKMARK_MAX_CELLS: z.coerce.number().int().min(1).max(100_000_000).default(5_000_000),
  TICKMARK_MAX_COLUMNS: z.coerce.number().int().min(1).max(16_384).default(1_000),
  TICKMARK_MAX_CELL_CHARS: z.coerce.number().int().min(1).max(10_000_000).default(32_767),
  TICKMARK_IMPORT_MEMORY_MB: z.coerce.number().int().min(128).max(65536).default(2048),
  TICKMARK_ADMIN_EMAIL: z.email().optional(),
  TICKMARK_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
  TICKMARK_DEMO: z.enum(['true', 'false']).default('true'),
  TICKMARK_WATCH_DIR: z.string().min(1).optional(),
  // How many reverse proxies stand in front: `true` is one; their X-Forwarded-* headers are believed.
  TICKMARK_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, 'true, false or the number of proxies in front (0-9)')
    .default('false'),
  TICKMARK_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
});

export interface Config {
  dataDir: string;
  databasePath: string;
  port: number;
  host: string;
  maxUploadBytes: number;
  runMemoryMb: number;
  /** What a dataset file may hold; the import worker's heap cap. */
  importLimits: ImportLimits;
  importMemoryMb: number;
  admin?: { email: string; password: string };
  demo: boolean;
  /** Where scheduled runs look for their input files. */
  watchDir: string;
  /** Reverse proxies in front whose X-Forwarded-For/-Proto are believed (0: none, the socket address is the client). */
  trustProxyHops: number;
  /** Cookies marked Secure: always, never, or `auto` (when the request came over HTTPS). */
  secureCookies: 'auto' | boolean;
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
  const weak = v.TICKMARK_ADMIN_PASSWORD && passwordProblem(v.TICKMARK_ADMIN_PASSWORD, { email: v.TICKMARK_ADMIN_EMAIL });
  if (weak) throw new Error(`bad configuration: TICKMARK_ADMIN_PASSWORD: ${weak}`);
  const dataDir = resolve(v.TICKMARK_DATA_DIR);
  return {
    dataDir,
    databasePath: resolve(dataDir, 'tickmark.db'),
    port: v.TICKMARK_PORT ?? v.PORT ?? 3000,
    host: v.TICKMARK_HOST,
    maxUploadBytes: v.TICKMARK_MAX_UPLOAD_MB * 1024 * 1024,
    runMemoryMb: v.TICKMARK_RUN_MEMORY_MB,
    importLimits: {
      maxUnzippedBytes: v.TICKMARK_MAX_UNZIPPED_MB * 1024 * 1024,
      maxCells: v.TICKMARK_MAX_CELLS,
      maxColumns: v.TICKMARK_MAX_COLUMNS,
      maxCellChars: v.TICKMARK_MAX_CELL_CHARS,
    },
    importMemoryMb: v.TICKMARK_IMPORT_MEMORY_MB,
    ...(v.TICKMARK_ADMIN_EMAIL ? { admin: { email: v.TICKMARK_ADMIN_EMAIL, password: v.TICKMARK_ADMIN_PASSWORD! } } : {}),
    demo: v.TICKMARK_DEMO === 'true',
    watchDir: resolve(v.TICKMARK_WATCH_DIR ?? resolve(dataDir, 'inbox')),
    trustProxyHops: v.TICKMARK_TRUST_PROXY === 'true' ? 1 : v.TICKMARK_TRUST_PROXY === 'false' ? 0 : Number(v.TICKMARK_TRUST_PROXY),
    secureCookies: v.TICKMARK_SECURE_COOKIES === 'auto' ? 'auto' : v.TICKMARK_SECURE_COOKIES === 'true',
  };
}
