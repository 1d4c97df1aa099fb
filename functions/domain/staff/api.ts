/** Request and response schemas of the staff-account routes. */
import { z } from 'zod';

/** `staffLogin` body. */
export const StaffLoginBody = z
  .object({
    username: z.string().trim().toLowerCase().min(1, '请填写用户名').max(64, '用户名过长'),
    password: z.string().min(1, '请填写密码').max(256, '密码过长'),
  })
  .strict();

/** A staff account as the API shows it (never the password hash). */
export const StaffView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['staff', 'admin']),
  points: z.array(z.string()),
  disabled: z.boolean(),
});
