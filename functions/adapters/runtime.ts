/**
 * Process-level adapters: the system clock, id generation, and the configuration values the use
 * cases take (validated at cold start from the environment).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock, Ids } from '../app/ports.js';
import { lazyConfig } from '../config.js';

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Random ids (UUID v4 without dashes: 32 lower-case hex characters, ASCII-safe in S3 keys). */
export const randomIds: Ids = { newId: () => randomUUID().replaceAll('-', '') };

const config = lazyConfig(
  z.object({
    TICKET_PATTERN: z
      .string()
      .default('^\\d{12}$')
      .refine((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, 'TICKET_PATTERN must be a regular expression'),
    SIMILARITY_THRESHOLD: z.coerce.number().min(50).max(100).default(90),
  }),
);

/** The admission ticket number pattern (`TICKET_PATTERN`, default 12 digits). */
export function ticketPattern(): RegExp {
  return new RegExp(config().TICKET_PATTERN);
}

/** The face similarity threshold, 50–100 (`SIMILARITY_THRESHOLD`, default 90). */
export function similarityThreshold(): number {
  return config().SIMILARITY_THRESHOLD;
}
