/** A Report run's report sheets (contract 1.5): the list, and one sheet as JSON, CSV or XLSX. */
import { createRoute, z } from '@hono/zod-openapi';
import { listReportSheets, readReportSheet } from '../../db/report-sheets.service.js';
import { getRun, runFileStem } from '../../db/runs.service.js';
import { requireRole } from '../auth/middleware.js';
import { CAN, type App, type Deps } from '../context.js';
import { csvFile, sheetCsv, toWorkbook, xlsxFile } from '../downloads.js';
import { errors, IdParam, json } from './schemas.js';

const SheetInfo = z
  .object({
    name: z.string(),
    rows: z.number().openapi({ description: 'rows, row 1 included' }),
    columns: z.number(),
  })
  .openapi('ReportSheetInfo');
const SheetParams = IdParam.extend({
  name: z
    .string()
    .min(1)
    .openapi({ param: { name: 'name', in: 'path' }, description: 'the sheet name (case-insensitive)', example: 'Positions' }),
});
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerRunSheetRoutes(app: App, { db }: Deps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/sheets',
      tags: ['runs'],
      summary: "A succeeded run's report sheets in workbook order (empty unless the rule sheet is a Report)",
      middleware: [requireRole(CAN.read)],
      request: { params: IdParam },
      responses: { 200: json('report sheets', z.array(SheetInfo)), ...errors(401, 404, 409) },
    }),
    (c) => c.json(listReportSheets(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/sheets/{name}',
      tags: ['runs'],
      summary: 'One report sheet, row 1 first: JSON, or the CSV the CLI writes as SHEET.csv, or XLSX',
      middleware: [requireRole(CAN.read)],
      request: { params: SheetParams, query: z.object({ format: z.enum(['json', 'csv', 'xlsx']).default('json') }) },
      responses: {
        200: {
          description: 'the sheet',
          content: {
            'application/json': {
              schema: SheetInfo.extend({
                values: z.array(z.array(z.unknown())).openapi({ description: 'rows of cell values; an error is { "error": "#DIV/0!" }' }),
              }),
            },
            'text/csv': { schema: z.string() },
            [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...errors(400, 401, 404, 409),
      },
    }),
    (c) => {
      const { id, name } = c.req.valid('param');
      const format = c.req.valid('query').format;
      const sheet = readReportSheet(db, id, name);
      const file = `${runFileStem(getRun(db, id))}-${sheet.name}`;
      if (format === 'csv') return csvFile(c, file, sheetCsv(sheet.values));
      if (format === 'xlsx') return xlsxFile(c, file, toWorkbook([{ name: sheet.name, rows: sheet.values }]));
      return c.json(sheet, 200);
    },
  );
}
