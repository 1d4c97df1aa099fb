/** `GET /api/admin/staff` — every staff account. */
import { makeListStaff } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makeListStaff(adminDeps());

export const handler = httpHandler(routes.listStaff, async () => ({ body: await useCase() }));
