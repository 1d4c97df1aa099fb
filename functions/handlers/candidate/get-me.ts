/** `GET /api/me` — the personal center's data. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { AppError } from '../../domain/errors.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { meView } from './deps.js';

const candidates = dynamoCandidateStore();
const catalogs = dynamoCatalogStore();

export const handler = httpHandler(routes.getMe, async (req) => {
  const candidate = await candidates.get(req.session.candidateId);
  if (!candidate) throw new AppError('UNAUTHENTICATED', '账户不存在，请重新登录。');
  return { body: await meView(catalogs, candidate, req.time) };
});
