/**
 * The photo bucket's name, from `PHOTO_BUCKET` (set by the CDK together with the matching grant).
 * Kept apart from the S3 client so the Rekognition adapter (which passes S3Object references) can
 * read it without loading the S3 SDK.
 */
import { z } from 'zod';
import { lazyConfig } from '../../config.js';

const config = lazyConfig(z.object({ PHOTO_BUCKET: z.string().min(3).max(63) }));

/**
 * The photo bucket's name.
 * @throws Error at first use when `PHOTO_BUCKET` is missing or malformed
 */
export function photoBucket(): string {
  return config().PHOTO_BUCKET;
}
