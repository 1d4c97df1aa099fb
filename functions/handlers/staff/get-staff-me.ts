/** `GET /api/staff/me` — the signed-in staff member. */
import { dynamoStaffStore } from '../../adapters/dynamodb/staff-store.js';
import { toStaffView } from '../../app/staff-accounts.js';
import { AppError } from '../../domain/errors.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const staff = dynamoStaffStore();

export const handler = httpHandler(routes.getStaffMe, async (req) => {
  const account = await staff.get(req.session.staffId);
  if (!account || account.disabled) throw new AppError('UNAUTHENTICATED', '账户不存在或已停用，请重新登录。');
  return { body: toStaffView(account) };
});
