/** `POST /api/admin/notices` — publish a notice. */
import { makePublishNotice } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makePublishNotice(adminDeps());

export const handler = httpHandler(routes.publishNotice, async (req) => ({
  body: await useCase(req.session, req.body),
}));
