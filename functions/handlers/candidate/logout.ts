/** `DELETE /api/session` — ends the candidate session (clears the cookie; works even when it expired). */
import { httpHandler } from '../../http/handler.js';
import { clearSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';

export const handler = httpHandler(routes.logout, async () => ({
  body: { ok: true },
  cookies: [clearSessionCookie('candidate')],
}));
