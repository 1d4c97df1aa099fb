/**
 * Photo storage on Amazon S3 (port `PhotoStorage`, SPEC §3 "Photos"). The browser PUTs straight to S3
 * with a presigned URL whose Content-Type and Content-Length are signed; the "complete" call then
 * re-checks the object (size, magic bytes, pixel size) and promotes it from `uploads/` to `photos/`.
 *
 * Encryption at rest: the bucket has default SSE-KMS encryption (CDK). No SSE header is set here:
 * in a presigned PUT it would have to be signed and sent by the browser, and bucket default
 * encryption covers browser uploads and server-side copies alike.
 *
 * The endpoint is the SDK's own `AWS_ENDPOINT_URL_S3` when set (the embedded S3 emulator locally),
 * which is path-style only: `S3_FORCE_PATH_STYLE=true` there.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { imageSize } from 'image-size';
import { z } from 'zod';
import type { PhotoStorage, PresignedUpload, StoredImage } from '../../app/ports.js';
import { lazyConfig } from '../../config.js';
import { CERTIFICATE_PHOTO_RULES, IDENTITY_PHOTO_RULES, detectImageFormat } from '../../domain/photos.js';
import { photoBucket } from './bucket.js';

/** Longest lifetime of a presigned URL, seconds (SPEC §3: "≤ 5 minutes"). */
export const MAX_PRESIGN_SECONDS = 300;

/**
 * How much of an object `inspect` reads, bytes: the largest accepted photo, so every acceptable photo
 * is read whole and its pixel size is found however large its EXIF/XMP/ICC segments are (camera JPEGs
 * carry up to 64 KB per APP segment, sometimes several, before the frame header). Larger objects fail
 * the size rule anyway; their first bytes still give the format.
 */
export const INSPECT_MAX_BYTES = Math.max(
  IDENTITY_PHOTO_RULES.maxBytesExclusive,
  CERTIFICATE_PHOTO_RULES.maxBytesExclusive,
);

const config = lazyConfig(z.object({ S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional() }));

let client: S3Client | undefined;

/**
 * The S3 client of this process, created on first use.
 *
 * Checksums only "when required": recent SDKs otherwise add `x-amz-sdk-checksum-algorithm=CRC32` and
 * `x-amz-checksum-crc32=AAAAAA==` (the CRC of the *empty* body known at signing time) to a presigned
 * PUT, which S3 then compares with the browser's real body and refuses; and `x-amz-checksum-mode` to
 * presigned GETs. Server-side calls here (HEAD, ranged GET, COPY, DELETE) need no checksums either.
 */
function s3(): S3Client {
  client ??= new S3Client({
    forcePathStyle: config().S3_FORCE_PATH_STYLE === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return client;
}

/** Refuses a URL lifetime that is not a whole number of seconds in 1..300 (a programming error). */
function checkLifetime(expiresInSeconds: number): void {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_SECONDS) {
    throw new Error(`Presigned URL lifetime must be 1..${MAX_PRESIGN_SECONDS} s, got ${expiresInSeconds}`);
  }
}

/**
 * True for S3's "no such object" answers: `NotFound` (HEAD has no body, only a 404) and `NoSuchKey`.
 * Without `s3:ListBucket` (deliberately not granted: it would let a function list every key) S3 answers
 * a HEAD of a missing key with 403 instead of 404; the functions hold `s3:GetObject` on every key, so a
 * 403 on HEAD means the object is not there (a browser PUT that never arrived).
 */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || (error.name === 'Forbidden' && status === 403);
}

/** URL-encodes each segment of a key, keeping the slashes, as `x-amz-copy-source` requires. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Pixel size from the image header, or nulls when the bytes cannot be parsed. */
function pixelSize(sample: Uint8Array): { width: number | null; height: number | null } {
  try {
    const { width, height } = imageSize(sample);
    if (Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) return { width, height };
  } catch {
    // image-size throws TypeError on unsupported or truncated data: the photo is then "unreadable".
  }
  return { width: null, height: null };
}

/**
 * The S3 implementation of `PhotoStorage`, for the bucket named by `PHOTO_BUCKET`.
 *
 * The function's role holds object grants only (no s3:ListBucket): `inspect` reads S3's 403 for a
 * missing object as "missing" (see `isMissingObject`).
 */
export function s3PhotoStorage(): PhotoStorage {
  return {
    async presignUpload(
      key: string,
      contentType: string,
      contentLength: number,
      expiresInSeconds: number,
    ): Promise<PresignedUpload> {
      checkLifetime(expiresInSeconds);
      if (!Number.isInteger(contentLength) || contentLength < 1)
        throw new Error(`Content length must be a positive integer, got ${contentLength}`);
      // X-Amz-Date has whole seconds: sign at a whole second so `expiresAt` is exactly when S3 stops
      // accepting the URL.
      const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
      const command = new PutObjectCommand({
        Bucket: photoBucket(),
        Key: key,
        ContentType: contentType,
        ContentLength: contentLength,
      });
      // The presigner signs `host` and, from ContentLength, `content-length`; `content-type` must be
      // listed to be signed, so that S3 refuses a PUT of another type.
      const url = await getSignedUrl(s3(), command, {
        expiresIn: expiresInSeconds,
        signingDate,
        signableHeaders: new Set(['content-type']),
      });
      return {
        url,
        headers: { 'Content-Type': contentType },
        expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000).toISOString(),
      };
    },

    async inspect(key: string): Promise<StoredImage | null> {
      const Bucket = photoBucket();
      try {
        const head = await s3().send(new HeadObjectCommand({ Bucket, Key: key }));
        const bytes = head.ContentLength ?? 0;
        let sample: Uint8Array = new Uint8Array(0);
        // A Range on an empty object is answered 416: an empty object has no format anyway.
        if (bytes > 0) {
          const end = Math.min(bytes, INSPECT_MAX_BYTES) - 1;
          const got = await s3().send(new GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${end}` }));
          sample = got.Body ? await got.Body.transformToByteArray() : sample;
        }
        const format = detectImageFormat(sample);
        const { width, height } = format === null ? { width: null, height: null } : pixelSize(sample);
        return { bytes, contentType: head.ContentType, format, width, height };
      } catch (error) {
        // Deleted between HEAD and GET counts as missing too.
        if (isMissingObject(error)) return null;
        throw error;
      }
    },

    async promote(uploadKey: string, photoKey: string): Promise<void> {
      const Bucket = photoBucket();
      // The copy keeps the Content-Type (metadata directive COPY) and is encrypted by the bucket default.
      await s3().send(
        new CopyObjectCommand({ Bucket, Key: photoKey, CopySource: `${Bucket}/${encodeKey(uploadKey)}` }),
      );
      // Should this fail, the upload stays until the `uploads/` lifecycle rule expires it, and a retried
      // "complete" copies the same object again.
      await s3().send(new DeleteObjectCommand({ Bucket, Key: uploadKey }));
    },

    async presignDownload(key: string, expiresInSeconds: number): Promise<string> {
      checkLifetime(expiresInSeconds);
      return getSignedUrl(s3(), new GetObjectCommand({ Bucket: photoBucket(), Key: key }), {
        expiresIn: expiresInSeconds,
      });
    },
  };
}
