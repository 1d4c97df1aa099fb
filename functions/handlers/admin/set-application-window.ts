/** `PUT /api/admin/window` — the application window. */
import { makeSetWindow } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makeSetWindow(adminDeps());

export const handler = httpHandler(routes.setApplicationWindow, async (req) => ({
  body: await useCase(req.session, req.body),
}));
