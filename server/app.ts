/**
 * The HTTP application: one error shape, who-is-calling middleware, the API routes, the
 * OpenAPI document generated from the same schemas that validate requests, its reference
 * page, and the built web app.
 *
 * @example
 * const app = createApp({ db, config, runs, scheduler });
 * const res = await app.request('/api/setup');
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../db/app-error.js';
import { RuleError } from '../rules/errors.js';
import { identify } from './auth/middleware.js';
import type { AppEnv, Deps } from './context.js';
import { securityHeaders } from './security-headers.js';
import { registerAccountRoutes } from './routes/accounts.routes.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerCalendarRoutes } from './routes/calendar.routes.js';
import { registerDatasetRoutes } from './routes/datasets.routes.js';
import { registerGovernanceRunRoutes } from './routes/governance-runs.routes.js';
import { registerPreviewRoutes } from './routes/preview.routes.js';
import { registerRunInputRoutes } from './routes/run-inputs.routes.js';
import { registerRunOriginRoutes } from './routes/run-origin.routes.js';
import { registerRunRoutes } from './routes/runs.routes.js';
import { registerRunSheetRoutes } from './routes/run-sheets.routes.js';
import { registerQueueRoutes } from './routes/queue.routes.js';
import { registerReviewRoutes } from './routes/reviews.routes.js';
import { registerRunbookRoutes } from './routes/runbook.routes.js';
import { registerScheduleRoutes } from './routes/schedules.routes.js';
import { registerSheetExport, registerSheetRoutes } from './routes/sheets.routes.js';

/** Builds the app over its services; tests call `app.request()` on it. */
export function createApp(deps: Deps, options: { webRoot?: string } = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(
          'bad_request',
          400,
          `invalid request: ${issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
    },
  });

  app.onError((error, c) => {
    const body = (code: string, message: string, details?: unknown) => ({
      error: { code, message, ...(details === undefined ? {} : { details }) },
    });
    if (error instanceof AppError) return c.json(body(error.code, error.message, error.details), error.status);
    if (error instanceof RuleError) {
      const details = error.problemCount > 1 ? { ...error.place, problems: error.problems, problemCount: error.problemCount } : error.place;
      return c.json(body(error.code, error.describe(), details), error.code === 'cancelled' ? 409 : 422);
    }
    if (error instanceof HTTPException)
      return c.json(
        body(error.status === 413 ? 'too_large' : 'http_error', error.message || 'request refused'),
        error.status as ContentfulStatusCode,
      );
    console.error(error);
    return c.json(body('internal', 'something went wrong on the server; it has been logged'), 500);
  });

  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.config.maxUploadBytes,
      onError: () => {
        throw new AppError(
          'too_large',
          413,
          `the request is larger than the ${Math.round(deps.config.maxUploadBytes / 1048576)} MB limit (TICKMARK_MAX_UPLOAD_MB)`,
        );
      },
    }),
  );
  app.use('/api/*', identify(deps));

  registerAuthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerDatasetRoutes(app, deps);
  registerSheetRoutes(app, deps);
  registerSheetExport(app, deps);
  registerReviewRoutes(app, deps);
  registerPreviewRoutes(app, deps);
  registerRunRoutes(app, deps);
  registerRunInputRoutes(app, deps);
  registerRunSheetRoutes(app, deps);
  registerRunOriginRoutes(app, deps);
  registerGovernanceRunRoutes(app, deps);
  registerQueueRoutes(app, deps);
  registerScheduleRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerRunbookRoutes(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tickmark API',
      version: '1',
      description: 'Rule sheets, datasets, runs and exceptions. Errors are `{ "error": { "code", "message", "details"? } }`.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.get('/api/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'Tickmark API' }));
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    app.use('/*', serveStatic({ root: webRoot }));
    // The web app routes in the browser: every other path gets its page.
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }));
  }
  return app;
}
