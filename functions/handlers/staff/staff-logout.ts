/** `DELETE /api/staff/session` — ends the staff session. */
import { httpHandler } from '../../http/handler.js';
import { clearSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';

export const handler = httpHandler(routes.staffLogout, async () => ({
  body: { ok: true },
  cookies: [clearSessionCookie('staff')],
}));
