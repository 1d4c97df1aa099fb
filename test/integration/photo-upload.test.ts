/**
 * Presigned photo upload end to end against a real embedded S3 (@20minutes/s3rver, which checks SigV4
 * presigned URLs): the adapter presigns, a plain `fetch` plays the browser, S3 enforces what was
 * signed (length, type, key, signature, expiry), then the adapter inspects, promotes and presigns a
 * download.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3PhotoStorage } from '../../functions/adapters/s3/photo-storage.js';
import { certificateJpeg, withCameraMetadata } from '../fixtures/photos/photos.js';

/** The part of @20minutes/s3rver 4.0.4 (CommonJS, no types) used here. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as S3rverConstructor;

const BUCKET = 'exemption-photos-it';
let server: S3rverInstance;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'photo-upload-it-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  // What the embedded local system sets too; read by the adapter when it creates its client.
  process.env.AWS_ENDPOINT_URL_S3 = `http://127.0.0.1:${port}`;
  process.env.S3_FORCE_PATH_STYLE = 'true';
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  delete process.env.AWS_SESSION_TOKEN;
  process.env.AWS_REGION = 'us-east-1';
  process.env.PHOTO_BUCKET = BUCKET;
});

afterAll(async () => {
  await server?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const storage = s3PhotoStorage();
/** A 1024×768 JPEG with camera-sized metadata, about 134 KB. */
const photo = withCameraMetadata(certificateJpeg());

/** PUTs like a browser would, returning the status and S3's error code (from the XML body) if any. */
async function put(
  url: string,
  body: Uint8Array,
  contentType: string | undefined,
): Promise<{ status: number; code: string | null }> {
  const response = await fetch(url, {
    method: 'PUT',
    body,
    headers: contentType === undefined ? {} : { 'Content-Type': contentType },
  });
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null };
}

describe('presigned upload against the embedded S3', () => {
  it('signs content-length, content-type and host, with no checksum parameters', async () => {
    const upload = await storage.presignUpload('uploads/signed-headers.jpg', 'image/jpeg', photo.length, 300);

    const url = new URL(upload.url);
    expect(url.pathname).toBe(`/${BUCKET}/uploads/signed-headers.jpg`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
  });

  it('refuses a body shorter than the signed length and stores nothing', async () => {
    const upload = await storage.presignUpload('uploads/short.jpg', 'image/jpeg', photo.length, 300);

    expect(await put(upload.url, photo.subarray(0, photo.length - 1), 'image/jpeg')).toEqual({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(await storage.inspect('uploads/short.jpg')).toBeNull();
  });

  it('refuses a body longer than the signed length and stores nothing', async () => {
    const upload = await storage.presignUpload('uploads/long.jpg', 'image/jpeg', photo.length, 300);
    const longer = new Uint8Array(photo.length + 1);
    longer.set(photo);

    expect(await put(upload.url, longer, 'image/jpeg')).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await storage.inspect('uploads/long.jpg')).toBeNull();
  });

  it('refuses another Content-Type than the signed one', async () => {
    const upload = await storage.presignUpload('uploads/type.jpg', 'image/jpeg', photo.length, 300);

    expect(await put(upload.url, photo, 'image/png')).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await storage.inspect('uploads/type.jpg')).toBeNull();
  });

  it('refuses a PUT without Content-Type', async () => {
    const upload = await storage.presignUpload('uploads/no-type.jpg', 'image/jpeg', photo.length, 300);

    expect(await put(upload.url, photo, undefined)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await storage.inspect('uploads/no-type.jpg')).toBeNull();
  });

  it('refuses a URL whose signature was altered', async () => {
    const upload = await storage.presignUpload('uploads/tampered-signature.jpg', 'image/jpeg', photo.length, 300);
    const url = new URL(upload.url);
    const signature = url.searchParams.get('X-Amz-Signature')!;
    url.searchParams.set('X-Amz-Signature', signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0'));

    expect(await put(url.toString(), photo, 'image/jpeg')).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await storage.inspect('uploads/tampered-signature.jpg')).toBeNull();
  });

  it('refuses a URL whose key was changed', async () => {
    const upload = await storage.presignUpload('uploads/mine.jpg', 'image/jpeg', photo.length, 300);
    const url = new URL(upload.url);
    url.pathname = url.pathname.replace('uploads/mine.jpg', 'photos/theirs.jpg');

    expect(await put(url.toString(), photo, 'image/jpeg')).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await storage.inspect('photos/theirs.jpg')).toBeNull();
  });

  it('refuses an expired URL', async () => {
    // Prepare: a 1-second URL, used just after its expiry instant.
    const upload = await storage.presignUpload('uploads/expired.jpg', 'image/jpeg', photo.length, 1);
    await sleep(Math.max(0, Date.parse(upload.expiresAt) - Date.now()) + 1100);
    // Act
    const result = await put(upload.url, photo, 'image/jpeg');
    // Assert
    expect(result).toEqual({ status: 403, code: 'AccessDenied' });
    expect(await storage.inspect('uploads/expired.jpg')).toBeNull();
  });

  it('accepts the signed bytes and type, then inspects, promotes and serves the same photo', async () => {
    // Prepare
    const upload = await storage.presignUpload('uploads/01JCERT.jpg', 'image/jpeg', photo.length, 300);
    // Act: the browser's PUT
    const putResult = await put(upload.url, photo, upload.headers['Content-Type']);
    // Assert
    expect(putResult).toEqual({ status: 200, code: null });
    const expected = { bytes: photo.length, contentType: 'image/jpeg', format: 'jpeg', width: 1024, height: 768 };
    expect(await storage.inspect('uploads/01JCERT.jpg')).toEqual(expected);

    // Act: the "complete" call's promotion
    await storage.promote('uploads/01JCERT.jpg', 'photos/c1/01JCERT.jpg');
    // Assert
    expect(await storage.inspect('uploads/01JCERT.jpg')).toBeNull();
    expect(await storage.inspect('photos/c1/01JCERT.jpg')).toEqual(expected);

    // Act: staff or the owner view it
    const download = await fetch(await storage.presignDownload('photos/c1/01JCERT.jpg', 60));
    // Assert
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(photo);
  });

  it('refuses a download URL whose key was changed', async () => {
    const url = new URL(await storage.presignDownload('photos/c1/01JCERT.jpg', 60));
    url.pathname = url.pathname.replace('photos/c1/01JCERT.jpg', 'photos/c2/other.jpg');

    const response = await fetch(url);
    await response.arrayBuffer();

    expect(response.status).toBe(403);
  });
});
