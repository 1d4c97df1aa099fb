/** `PATCH /api/admin/staff/{username}` — re-scope, disable, reset password. */
import { makeUpdateStaff } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makeUpdateStaff(adminDeps());

export const handler = httpHandler(routes.updateStaff, async (req) => ({
  body: await useCase(req.session, req.params.username, req.body),
}));
