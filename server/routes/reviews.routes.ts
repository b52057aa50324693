/** Four eyes (governance.md 1): submit, approve, reject a version; what waits for review. */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../db/app-error.js';
import { approveVersion, rejectVersion, submitVersion, versionsAwaitingReview } from '../../db/sheet-versions.service.js';
import { getSheet } from '../../db/sheets.service.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, IdParam, json } from './schemas.js';

const VersionParam = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' } }),
});
const Note = z.object({ note: z.string().max(2000).optional() }).openapi('ReviewNote');
const RequiredNote = z.object({ note: z.string().min(1, 'a rejection needs a note saying why').max(2000) }).openapi('RejectNote');
const Done = z.object({ sheetId: z.number(), version: z.number(), status: z.string(), approvedVersion: z.number().nullable() });

export function registerReviewRoutes(app: App, { db }: Deps): void {
  const done = (sheetId: number, version: number, status: string) => ({
    sheetId,
    version,
    status,
    approvedVersion: getSheet(db, sheetId).approvedVersion,
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sheets/{id}/versions/{version}/submit',
      tags: ['governance'],
      summary: 'Submit a draft for review (its author or an admin)',
      middleware: [requireRole(CAN.author)],
      request: { params: VersionParam, body: { content: { 'application/json': { schema: Note } }, required: false } },
      responses: { 200: json('submitted', Done), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const { note } = await optionalNote(c.req.text());
      submitVersion(db, { sheetId: id, version, user: c.get('user')!, note });
      return c.json(done(id, version, 'submitted'), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sheets/{id}/versions/{version}/approve',
      tags: ['governance'],
      summary: 'Approve a submitted version: it becomes the one official runs use',
      description:
        'By an approver or admin who neither wrote nor submitted it (403 `four_eyes` otherwise), unless no other approver or admin exists: then an admin may approve their own version, and the audit entry says `self_approved: true`.',
      middleware: [requireRole(CAN.approve)],
      request: { params: VersionParam, body: { content: { 'application/json': { schema: Note } }, required: false } },
      responses: { 200: json('approved', Done), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const { note } = await optionalNote(c.req.text());
      approveVersion(db, { sheetId: id, version, user: c.get('user')!, note });
      return c.json(done(id, version, 'approved'), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sheets/{id}/versions/{version}/reject',
      tags: ['governance'],
      summary: 'Reject a submitted version, with a note saying why',
      middleware: [requireRole(CAN.approve)],
      request: { params: VersionParam, body: { content: { 'application/json': { schema: RequiredNote } }, required: true } },
      responses: { 200: json('rejected', Done), ...errors(400, 401, 403, 404, 409) },
    }),
    (c) => {
      const { id, version } = c.req.valid('param');
      rejectVersion(db, { sheetId: id, version, user: c.get('user')!, note: c.req.valid('json').note });
      return c.json(done(id, version, 'rejected'), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reviews',
      tags: ['governance'],
      summary: 'Versions waiting for review, oldest submission first',
      middleware: [requireRole(CAN.read)],
      responses: { 200: json('submitted versions', z.array(z.record(z.string(), z.unknown()))), ...errors(401) },
    }),
    (c) => c.json(versionsAwaitingReview(db), 200),
  );
}

/** A note is optional on submit and approve, and so is the body carrying it. */
async function optionalNote(raw: Promise<string>): Promise<{ note?: string }> {
  const text = await raw;
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 400, 'the body is not JSON: send { "note": "…" } or nothing');
  }
  const parsed = Note.safeParse(body);
  if (!parsed.success) throw new AppError('bad_request', 400, `invalid request: note: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
