/** `GET /api/health` — liveness: answers without touching any AWS service. */
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

export const handler = httpHandler(routes.getHealth, async (req) => ({
  body: { status: 'ok', version: process.env.APP_VERSION ?? 'dev', time: new Date(req.time).toISOString() },
}));
