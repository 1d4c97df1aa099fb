/**
 * The S3 photo storage adapter against a mocked S3 client (aws-sdk-client-mock): what it sends, how it
 * reads answers, and what its presigned URLs contain. Upload misuse (wrong size, type, tampered or
 * expired URL) is enforced by S3 itself and tested against the embedded S3 in
 * test/integration/photo-upload.test.ts.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INSPECT_MAX_BYTES, MAX_PRESIGN_SECONDS, s3PhotoStorage } from '../../functions/adapters/s3/photo-storage.js';
import {
  certificateJpeg,
  portraitPng,
  portraitProgressiveJpeg,
  withCameraMetadata,
} from '../fixtures/photos/photos.js';

const BUCKET = 'exemption-photos-test';

beforeAll(() => {
  process.env.PHOTO_BUCKET = BUCKET;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_ENDPOINT_URL_S3;
  delete process.env.S3_FORCE_PATH_STYLE;
});

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

/** A GetObject answer whose body yields `bytes` (the SDK's stream mixin offers the same method). */
function objectBody(bytes: Uint8Array): GetObjectCommandOutput['Body'] {
  return { transformToByteArray: async () => bytes } as unknown as GetObjectCommandOutput['Body'];
}

/** Stubs HEAD and GET for one stored object. */
function storeObject(bytes: Uint8Array, contentType: string): void {
  s3.on(HeadObjectCommand).resolves({ ContentLength: bytes.length, ContentType: contentType });
  s3.on(GetObjectCommand).resolves({ Body: objectBody(bytes), ContentLength: bytes.length });
}

describe('inspect', () => {
  it('returns null when HeadObject answers NotFound', async () => {
    // Prepare
    s3.on(HeadObjectCommand).rejects(new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    // Act
    const result = await s3PhotoStorage().inspect('uploads/missing.jpg');
    // Assert
    expect(result).toBeNull();
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('returns null when the object disappears between HeadObject and GetObject', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 5000, ContentType: 'image/jpeg' });
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }),
    );

    expect(await s3PhotoStorage().inspect('uploads/gone.jpg')).toBeNull();
  });

  it('reads a 403 on HEAD as a missing object (the role has no s3:ListBucket, so S3 hides 404s)', async () => {
    s3.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'Forbidden',
        $fault: 'client',
        message: 'Forbidden',
        $metadata: { httpStatusCode: 403 },
      }),
    );

    expect(await s3PhotoStorage().inspect('uploads/a.jpg')).toBeNull();
  });

  it('rethrows other S3 errors, such as a slow-down', async () => {
    s3.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'SlowDown',
        $fault: 'server',
        message: 'Please reduce your request rate.',
        $metadata: { httpStatusCode: 503 },
      }),
    );

    await expect(s3PhotoStorage().inspect('uploads/a.jpg')).rejects.toThrow('Please reduce your request rate.');
  });

  it('reads format and pixel size of a camera JPEG with 128 KB of metadata before its frame header', async () => {
    // Prepare
    const photo = withCameraMetadata(certificateJpeg());
    storeObject(photo, 'image/jpeg');
    // Act
    const result = await s3PhotoStorage().inspect('uploads/cert.jpg');
    // Assert
    expect(result).toEqual({
      bytes: photo.length,
      contentType: 'image/jpeg',
      format: 'jpeg',
      width: 1024,
      height: 768,
    });
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({ Bucket: BUCKET, Key: 'uploads/cert.jpg' });
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: 'uploads/cert.jpg',
      Range: `bytes=0-${photo.length - 1}`,
    });
  });

  it('reads a progressive JPEG in portrait orientation', async () => {
    const photo = portraitProgressiveJpeg();
    storeObject(photo, 'image/jpeg');

    expect(await s3PhotoStorage().inspect('uploads/p.jpg')).toEqual({
      bytes: photo.length,
      contentType: 'image/jpeg',
      format: 'jpeg',
      width: 480,
      height: 640,
    });
  });

  it('reads format and pixel size of a PNG', async () => {
    const photo = portraitPng();
    storeObject(photo, 'image/png');

    expect(await s3PhotoStorage().inspect('uploads/p.png')).toEqual({
      bytes: photo.length,
      contentType: 'image/png',
      format: 'png',
      width: 320,
      height: 400,
    });
  });

  it('reports no format and no size for bytes that are not an image', async () => {
    const text = new TextEncoder().encode('<html><body>not a photo</body></html>');
    storeObject(text, 'image/jpeg');

    expect(await s3PhotoStorage().inspect('uploads/x.jpg')).toEqual({
      bytes: text.length,
      contentType: 'image/jpeg',
      format: null,
      width: null,
      height: null,
    });
  });

  it('reports a JPEG whose header is cut before the frame header as JPEG with unreadable size', async () => {
    const truncated = withCameraMetadata(certificateJpeg()).subarray(0, 70_000);
    storeObject(truncated, 'image/jpeg');

    expect(await s3PhotoStorage().inspect('uploads/t.jpg')).toEqual({
      bytes: 70_000,
      contentType: 'image/jpeg',
      format: 'jpeg',
      width: null,
      height: null,
    });
  });

  it('does not read the body of an empty object', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 0, ContentType: 'image/png' });

    expect(await s3PhotoStorage().inspect('uploads/empty.png')).toEqual({
      bytes: 0,
      contentType: 'image/png',
      format: null,
      width: null,
      height: null,
    });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('reads at most the largest accepted photo size from an oversized object', async () => {
    // Prepare: a 10 MB object; the mock's body is what S3 would send for the range (its start).
    s3.on(HeadObjectCommand).resolves({ ContentLength: 10_000_000, ContentType: 'image/jpeg' });
    s3.on(GetObjectCommand).resolves({ Body: objectBody(certificateJpeg()) });
    // Act
    const result = await s3PhotoStorage().inspect('uploads/big.jpg');
    // Assert
    expect(INSPECT_MAX_BYTES).toBe(3 * 1024 * 1024);
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input.Range).toBe('bytes=0-3145727');
    expect(result).toEqual({ bytes: 10_000_000, contentType: 'image/jpeg', format: 'jpeg', width: 1024, height: 768 });
  });
});

describe('promote', () => {
  it('copies the upload to the photo key with a URL-encoded copy source, then deletes the upload', async () => {
    // Prepare
    s3.on(CopyObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    // Act
    await s3PhotoStorage().promote('uploads/01JB 8Z+x.jpg', 'photos/c1/portrait.jpg');
    // Assert
    const calls = s3.calls().map((call) => [call.args[0].constructor.name, call.args[0].input]);
    expect(calls).toEqual([
      [
        'CopyObjectCommand',
        { Bucket: BUCKET, Key: 'photos/c1/portrait.jpg', CopySource: `${BUCKET}/uploads/01JB%208Z%2Bx.jpg` },
      ],
      ['DeleteObjectCommand', { Bucket: BUCKET, Key: 'uploads/01JB 8Z+x.jpg' }],
    ]);
  });

  it('keeps the upload when the copy fails', async () => {
    s3.on(CopyObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }),
    );

    await expect(s3PhotoStorage().promote('uploads/a.jpg', 'photos/a.jpg')).rejects.toThrow(
      'The specified key does not exist.',
    );
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });
});

describe('presignUpload', () => {
  it('signs host, content-length and content-type, and carries no checksum parameters', async () => {
    // Act
    const upload = await s3PhotoStorage().presignUpload('uploads/abc.jpg', 'image/jpeg', 123_456, 300);
    // Assert
    const url = new URL(upload.url);
    expect(url.origin + url.pathname).toBe(`https://${BUCKET}.s3.us-east-1.amazonaws.com/uploads/abc.jpg`);
    expect([...url.searchParams.keys()].sort()).toEqual([
      'X-Amz-Algorithm',
      'X-Amz-Content-Sha256',
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Expires',
      'X-Amz-Signature',
      'X-Amz-SignedHeaders',
      'x-id',
    ]);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Content-Sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('x-id')).toBe('PutObject');
    expect(upload.headers).toEqual({ 'Content-Type': 'image/jpeg' });
  });

  it('gives the instant the URL stops working: signing time plus the lifetime', async () => {
    const upload = await s3PhotoStorage().presignUpload('uploads/abc.png', 'image/png', 1000, 120);

    const amzDate = new URL(upload.url).searchParams.get('X-Amz-Date')!;
    const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(upload.expiresAt).toBe(new Date(signedAt + 120_000).toISOString());
  });

  it('refuses a lifetime above 300 seconds', async () => {
    expect(MAX_PRESIGN_SECONDS).toBe(300);
    await expect(s3PhotoStorage().presignUpload('uploads/a.jpg', 'image/jpeg', 100, 301)).rejects.toThrow(
      'Presigned URL lifetime must be 1..300 s, got 301',
    );
  });

  it('refuses a lifetime that is zero or not whole seconds', async () => {
    await expect(s3PhotoStorage().presignUpload('uploads/a.jpg', 'image/jpeg', 100, 0)).rejects.toThrow('got 0');
    await expect(s3PhotoStorage().presignUpload('uploads/a.jpg', 'image/jpeg', 100, 1.5)).rejects.toThrow('got 1.5');
  });

  it('refuses a content length that is not a positive integer', async () => {
    await expect(s3PhotoStorage().presignUpload('uploads/a.jpg', 'image/jpeg', 0, 60)).rejects.toThrow(
      'Content length must be a positive integer, got 0',
    );
  });
});

describe('presignDownload', () => {
  it('signs a GET of the key with only the host header and no checksum mode', async () => {
    const download = new URL(await s3PhotoStorage().presignDownload('photos/c1/portrait.jpg', 60));

    expect(download.origin + download.pathname).toBe(
      `https://${BUCKET}.s3.us-east-1.amazonaws.com/photos/c1/portrait.jpg`,
    );
    expect(download.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(download.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(download.searchParams.get('x-id')).toBe('GetObject');
    expect([...download.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
  });

  it('refuses a lifetime above 300 seconds', async () => {
    await expect(s3PhotoStorage().presignDownload('photos/a.jpg', 301)).rejects.toThrow(
      'Presigned URL lifetime must be 1..300 s, got 301',
    );
  });
});
