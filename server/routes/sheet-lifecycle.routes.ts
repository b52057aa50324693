/** A rule sheet's life: rename, archive, unarchive, delete, discard a draft (docs/ownership.md). */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteSheet, discardVersion, renameSheet, setSheetArchived } from '../../db/sheet-lifecycle.service.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { errors, IdParam, json } from './schemas.js';

/** `?archived=`: `false` (the default) hides archived records, `true` shows only them, `all` both. */
export const ArchivedQuery = z.object({
  archived: z
    .enum(['false', 'true', 'all'])
    .default('false')
    .openapi({ description: 'false (default): hide archived; true: only archived; all' }),
});

export const archivedFilter = (archived: 'false' | 'true' | 'all') =>
  archived === 'false' ? ('hide' as const) : archived === 'true' ? ('only' as const) : ('all' as const);

const Owned = "Its owner's or an admin's: another author gets 403 `not_owner` naming the owner.";
const Sheet = z.object({ id: z.number(), name: z.string(), archivedAt: z.string().nullable() });
const VersionParams = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' } }),
});

export function registerSheetLifecycleRoutes(app: App, { db, scheduler }: Deps): void {
  const view = (s: { id: number; name: string; archivedAt: string | null }) => ({ id: s.id, name: s.name, archivedAt: s.archivedAt });

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/sheets/{id}',
      tags: ['sheets'],
      summary: 'Rename a sheet',
      description: `${Owned} The name is not part of any version's content: no content or results hash changes.`,
      middleware: [requireRole(CAN.author)],
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(200) }) } }, required: true },
      },
      responses: { 200: json('renamed', Sheet), ...errors(400, 401, 403, 404) },
    }),
    (c) => c.json(view(renameSheet(db, c.req.valid('param').id, c.req.valid('json').name, c.get('user')!)), 200),
  );

  for (const archived of [true, false]) {
    app.openapi(
      createRoute({
        method: 'post',
        path: archived ? '/api/sheets/{id}/archive' : '/api/sheets/{id}/unarchive',
        tags: ['sheets'],
        summary: archived
          ? 'Archive a sheet: kept as evidence, hidden from lists, never run, saved or scheduled'
          : 'Bring an archived sheet back',
        description: archived
          ? `${Owned} Its enabled schedules are paused (\`pausedSchedules\`) and stay paused when it comes back.`
          : Owned,
        middleware: [requireRole(CAN.author)],
        request: { params: IdParam },
        responses: { 200: json('done', Sheet.extend({ pausedSchedules: z.array(z.number()) })), ...errors(401, 403, 404) },
      }),
      (c) => {
        const { sheet, pausedSchedules } = setSheetArchived(db, c.req.valid('param').id, archived, c.get('user')!);
        for (const id of pausedSchedules) scheduler.reload(id);
        return c.json({ ...view(sheet), pausedSchedules }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/sheets/{id}',
      tags: ['sheets'],
      summary: 'Delete a sheet that never produced evidence, with its drafts, test runs and schedules',
      description: `${Owned} A sheet with an official run, a version ever approved or an open exception is kept: 409 \`in_use\` with \`details\` { officialRuns, approvedVersions, openQueueItems, schedules }; archive it instead.`,
      middleware: [requireRole(CAN.author)],
      request: { params: IdParam },
      responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const { deletedSchedules } = deleteSheet(db, c.req.valid('param').id, c.get('user')!);
      for (const id of deletedSchedules) scheduler.reload(id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/sheets/{id}/versions/{version}',
      tags: ['sheets'],
      summary: 'Discard a draft or rejected version, with its test runs',
      description:
        "Its author's or an admin's (403 `not_owner`). Submitted, approved and superseded versions are evidence (409 `bad_state`); a sheet's only version is not discarded (409 `last_version`: delete the sheet). The number is never reused: the next save takes a higher one. Answers the version the editor opens now.",
      middleware: [requireRole(CAN.author)],
      request: { params: VersionParams },
      responses: {
        200: json('discarded', z.object({ currentVersion: z.number(), removedRuns: z.array(z.number()) })),
        ...errors(401, 403, 404, 409),
      },
    }),
    (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(discardVersion(db, id, version, c.get('user')!), 200);
    },
  );
}
