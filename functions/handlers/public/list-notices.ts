/** `GET /api/notices` — the newest notices (通知公告). */
import { dynamoAdminStore } from '../../adapters/dynamodb/admin-store.js';
import { makeListNotices } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const list = makeListNotices({ admin: dynamoAdminStore() });

export const handler = httpHandler(routes.listNotices, async () => ({ body: await list() }));
