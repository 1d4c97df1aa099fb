/**
 * The one Powertools logger of a function. A formatter-level scrubber removes what must never reach
 * the logs (SPEC §3): ID numbers, passwords, tokens, cookies, presigned URLs, image data. Code should
 * not log such things in the first place; this is the safety net.
 */
import { Logger } from '@aws-lambda-powertools/logger';

const SECRET_KEYS =
  /^(password|newPassword|currentPassword|idNumber|token|cookie|cookies|authorization|url|uploadUrl|photoUrl|body|image|mobile|email|fullName|candidateName)$/i;
// An 18-character resident ID number (17 digits + digit or X), or a 15-digit legacy one.
const ID_NUMBER = /(?<![0-9])(\d{6})\d{8,11}([0-9Xx])(?![0-9])/g;
const PRESIGNED = /https?:\/\/\S*X-Amz-Signature=\S*/gi;

/** Returns a copy of `value` with secret keys replaced and ID numbers / presigned URLs masked in strings. */
export function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return value.replace(PRESIGNED, '[presigned-url]').replace(ID_NUMBER, '$1********$2');
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error)
    return { name: value.name, message: scrub(value.message, depth + 1), stack: scrub(value.stack, depth + 1) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1);
    return out;
  }
  return value;
}

/** The shared logger. Service name from `POWERTOOLS_SERVICE_NAME`, level from `POWERTOOLS_LOG_LEVEL`. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'exemption-portal',
  logRecordOrder: ['level', 'message', 'timestamp'],
});

/** Logs at `info` with scrubbed attributes. */
export function logInfo(message: string, attributes: Record<string, unknown> = {}): void {
  logger.info(message, scrub(attributes) as Record<string, unknown>);
}

/** Logs at `warn` with scrubbed attributes. */
export function logWarn(message: string, attributes: Record<string, unknown> = {}): void {
  logger.warn(message, scrub(attributes) as Record<string, unknown>);
}

/** Logs at `error` with scrubbed attributes and error. */
export function logError(message: string, error: unknown, attributes: Record<string, unknown> = {}): void {
  logger.error(message, {
    ...(scrub(attributes) as Record<string, unknown>),
    error: scrub(error) as Record<string, unknown>,
  });
}
