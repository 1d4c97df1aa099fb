/** `POST /api/admin/staff` — new staff account. */
import { makeAdminCreateStaff } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makeAdminCreateStaff(adminDeps());

export const handler = httpHandler(routes.createStaff, async (req) => ({ body: await useCase(req.session, req.body) }));
