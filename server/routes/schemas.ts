/** Shared OpenAPI/zod pieces: the error shape, ids, paging. */
import { z } from '@hono/zod-openapi';

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: 'error', content: { 'application/json': { schema: ErrorBody } } }]));

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const Paging = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
});

/** A JSON response whose shape is documented in prose (kept open for clients). */
export const json = (description: string, schema: z.ZodTypeAny = z.record(z.string(), z.unknown())) => ({
  description,
  content: { 'application/json': { schema } },
});

export const User = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'author', 'approver', 'viewer']),
    createdAt: z.string(),
    /** Set while an admin has disabled the account. */
    disabledAt: z.string().nullable(),
  })
  .openapi('User');

/**
 * The most entries a comma-separated list parameter (`kind=a,b`, `ids=1,2`) may hold: a
 * filter of more is no longer a selection a person made, and each entry is an SQL parameter.
 */
export const MAX_LIST_ENTRIES = 1000;

/** `.refine(...listLimit)` on a comma-separated list parameter: refused past MAX_LIST_ENTRIES, naming the limit. */
export const listLimit = [
  (text: string) => text.split(',').length <= MAX_LIST_ENTRIES,
  `at most ${MAX_LIST_ENTRIES.toLocaleString('en-US')} comma-separated values`,
] as const;
