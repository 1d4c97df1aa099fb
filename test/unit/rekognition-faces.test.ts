/**
 * The face comparison adapters. Answer and error mapping against a mocked Rekognition client
 * (aws-sdk-client-mock); the SDK's retries against a local HTTP server that speaks Rekognition's JSON
 * protocol, since a mocked client skips the SDK's middleware (retries included).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CompareFacesCommand,
  ImageTooLargeException,
  InvalidParameterException,
  InvalidS3ObjectException,
  RekognitionClient,
} from '@aws-sdk/client-rekognition';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DISABLED_REASON,
  NO_FACE_REASON,
  REKOGNITION_MAX_ATTEMPTS,
  UNAVAILABLE_REASON,
  UNREADABLE_PHOTO_REASON,
  disabledFaceComparer,
  faceComparerFromEnv,
  rekognitionFaceComparer,
} from '../../functions/adapters/rekognition/faces.js';

const BUCKET = 'exemption-photos-test';
const meta = { $metadata: { httpStatusCode: 400 } };

/** A fake Rekognition endpoint: answers every request with the queued response, records what it got. */
interface FakeEndpoint {
  server: Server;
  requests: { target: string | undefined; body: unknown }[];
  respond: { status: number; body: unknown; headers?: Record<string, string> };
}

const fake: FakeEndpoint = { server: createServer(), requests: [], respond: { status: 200, body: {} } };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  fake.server.on('request', (request, response) => {
    void readBody(request).then((body) => {
      fake.requests.push({ target: request.headers['x-amz-target'] as string | undefined, body: JSON.parse(body) });
      response.writeHead(fake.respond.status, {
        'content-type': 'application/x-amz-json-1.1',
        ...fake.respond.headers,
      });
      response.end(JSON.stringify(fake.respond.body));
    });
  });
  fake.server.listen(0, '127.0.0.1');
  await once(fake.server, 'listening');
  // Read by the SDK when the adapter creates its client (on the first comparison, after this hook).
  process.env.AWS_ENDPOINT_URL_REKOGNITION = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  process.env.PHOTO_BUCKET = BUCKET;
});

afterAll(async () => {
  fake.server.close();
  await once(fake.server, 'close');
});

describe('rekognitionFaceComparer with a mocked client', () => {
  let rekognition: AwsClientStub<RekognitionClient>;
  beforeEach(() => {
    rekognition = mockClient(RekognitionClient);
  });
  afterEach(() => rekognition.restore());

  it('reports the best similarity and both face boxes when faces match, after asking with S3 objects, threshold 90 and QualityFilter AUTO', async () => {
    // Prepare
    rekognition.on(CompareFacesCommand).resolves({
      SourceImageFace: { BoundingBox: { Left: 0.31, Top: 0.22, Width: 0.35, Height: 0.41 }, Confidence: 99.9 },
      FaceMatches: [
        {
          Similarity: 93.25,
          Face: { BoundingBox: { Left: 0.1, Top: 0.2, Width: 0.3, Height: 0.4 }, Confidence: 99.8 },
        },
        {
          Similarity: 98.71,
          Face: { BoundingBox: { Left: 0.55, Top: 0.12, Width: 0.18, Height: 0.24 }, Confidence: 99.7 },
        },
      ],
      UnmatchedFaces: [],
    });
    // Act
    const result = await rekognitionFaceComparer().compare('photos/c1/id-card.jpg', 'photos/c1/handheld.jpg', 90);
    // Assert
    expect(result).toEqual({
      kind: 'compared',
      similarity: 98.71,
      sourceFace: { left: 0.31, top: 0.22, width: 0.35, height: 0.41 },
      targetFace: { left: 0.55, top: 0.12, width: 0.18, height: 0.24 },
    });
    const calls = rekognition.commandCalls(CompareFacesCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      SourceImage: { S3Object: { Bucket: BUCKET, Name: 'photos/c1/id-card.jpg' } },
      TargetImage: { S3Object: { Bucket: BUCKET, Name: 'photos/c1/handheld.jpg' } },
      SimilarityThreshold: 90,
      QualityFilter: 'AUTO',
    });
  });

  it('reports similarity 0 with the unmatched face when the faces are below the threshold', async () => {
    rekognition.on(CompareFacesCommand).resolves({
      SourceImageFace: { BoundingBox: { Left: 0.3, Top: 0.2, Width: 0.35, Height: 0.4 }, Confidence: 99.9 },
      FaceMatches: [],
      UnmatchedFaces: [{ BoundingBox: { Left: 0.42, Top: 0.18, Width: 0.2, Height: 0.27 }, Confidence: 99.1 }],
    });

    const result = await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90);

    expect(result).toEqual({
      kind: 'compared',
      similarity: 0,
      sourceFace: { left: 0.3, top: 0.2, width: 0.35, height: 0.4 },
      targetFace: { left: 0.42, top: 0.18, width: 0.2, height: 0.27 },
    });
  });

  it('reports no face in the target photo when it has neither matched nor unmatched faces', async () => {
    rekognition.on(CompareFacesCommand).resolves({
      SourceImageFace: { BoundingBox: { Left: 0.3, Top: 0.2, Width: 0.35, Height: 0.4 }, Confidence: 99.9 },
      FaceMatches: [],
      UnmatchedFaces: [],
    });

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'no-face',
      photo: 'target',
      reason: '照片中未检测到人脸，请在光线充足处正对镜头重新拍摄并上传',
    });
  });

  it('reports no face in the source photo on InvalidParameterException', async () => {
    rekognition
      .on(CompareFacesCommand)
      .rejects(new InvalidParameterException({ message: 'Request has invalid parameters', ...meta }));

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'no-face',
      photo: 'source',
      reason: NO_FACE_REASON,
    });
  });

  it('asks for the source photo again when Rekognition cannot read an image', async () => {
    rekognition
      .on(CompareFacesCommand)
      .rejects(new ImageTooLargeException({ message: 'Image size is too large', ...meta }));

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'no-face',
      photo: 'source',
      reason: '照片无法识别，请重新拍摄清晰的照片后上传',
    });
    expect(UNREADABLE_PHOTO_REASON).toBe('照片无法识别，请重新拍摄清晰的照片后上传');
  });

  it('hands the check to staff on any other service error', async () => {
    rekognition
      .on(CompareFacesCommand)
      .rejects(new InvalidS3ObjectException({ message: 'Unable to get object metadata from S3', ...meta }));

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'unavailable',
      reason: '人脸比对服务暂时不可用，已转人工审核',
    });
  });

  it('hands the check to staff on a network error', async () => {
    rekognition.on(CompareFacesCommand).rejects(new Error('socket hang up'));

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'unavailable',
      reason: UNAVAILABLE_REASON,
    });
  });

  it('refuses a threshold outside 0–100 without calling the service', async () => {
    await expect(rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 101)).rejects.toThrow(
      'Similarity threshold must be 0–100, got 101',
    );
    expect(rekognition.commandCalls(CompareFacesCommand)).toHaveLength(0);
  });
});

describe('rekognitionFaceComparer through the SDK (retries)', () => {
  beforeEach(() => {
    fake.requests = [];
    // The SDK's backoff is `Math.random() × base × 2^attempt` (base 1 s for throttling): pin the jitter
    // to 0 so the retries happen at once. Attempt counting and error classification stay the SDK's.
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => vi.restoreAllMocks());

  it('sends CompareFaces with the exact JSON request and maps the answer', async () => {
    // Prepare
    fake.respond = {
      status: 200,
      body: {
        SourceImageFace: { BoundingBox: { Left: 0.25, Top: 0.5, Width: 0.125, Height: 0.25 }, Confidence: 99.5 },
        FaceMatches: [
          { Similarity: 96.5, Face: { BoundingBox: { Left: 0.5, Top: 0.25, Width: 0.0625, Height: 0.125 } } },
        ],
        UnmatchedFaces: [],
      },
    };
    // Act
    const result = await rekognitionFaceComparer().compare('photos/c2/portrait.jpg', 'photos/c2/handheld.jpg', 85);
    // Assert
    expect(result).toEqual({
      kind: 'compared',
      similarity: 96.5,
      sourceFace: { left: 0.25, top: 0.5, width: 0.125, height: 0.25 },
      targetFace: { left: 0.5, top: 0.25, width: 0.0625, height: 0.125 },
    });
    expect(fake.requests).toEqual([
      {
        target: 'RekognitionService.CompareFaces',
        body: {
          SourceImage: { S3Object: { Bucket: BUCKET, Name: 'photos/c2/portrait.jpg' } },
          TargetImage: { S3Object: { Bucket: BUCKET, Name: 'photos/c2/handheld.jpg' } },
          SimilarityThreshold: 85,
          QualityFilter: 'AUTO',
        },
      },
    ]);
  });

  it('retries throttling up to 3 attempts, then hands the check to staff', async () => {
    fake.respond = {
      status: 400,
      headers: { 'x-amzn-errortype': 'ThrottlingException' },
      body: { __type: 'ThrottlingException', message: 'Rate exceeded' },
    };

    const result = await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90);

    expect(result).toEqual({ kind: 'unavailable', reason: UNAVAILABLE_REASON });
    expect(REKOGNITION_MAX_ATTEMPTS).toBe(3);
    expect(fake.requests).toHaveLength(3);
  });

  it('retries ProvisionedThroughputExceededException up to 3 attempts', async () => {
    fake.respond = {
      status: 400,
      headers: { 'x-amzn-errortype': 'ProvisionedThroughputExceededException' },
      body: { __type: 'ProvisionedThroughputExceededException', message: 'Provisioned rate exceeded' },
    };

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'unavailable',
      reason: UNAVAILABLE_REASON,
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('retries an internal server error up to 3 attempts', async () => {
    fake.respond = {
      status: 500,
      headers: { 'x-amzn-errortype': 'InternalServerError' },
      body: { __type: 'InternalServerError', message: 'Internal server error' },
    };

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'unavailable',
      reason: UNAVAILABLE_REASON,
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry the no-face answer and asks for the source photo again', async () => {
    fake.respond = {
      status: 400,
      headers: { 'x-amzn-errortype': 'InvalidParameterException' },
      body: { __type: 'InvalidParameterException', message: 'Request has invalid parameters' },
    };

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'no-face',
      photo: 'source',
      reason: NO_FACE_REASON,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry access denied and hands the check to staff', async () => {
    fake.respond = {
      status: 400,
      headers: { 'x-amzn-errortype': 'AccessDeniedException' },
      body: { __type: 'AccessDeniedException', message: 'User is not authorized' },
    };

    expect(await rekognitionFaceComparer().compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'unavailable',
      reason: UNAVAILABLE_REASON,
    });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('disabledFaceComparer', () => {
  it('is not enabled and hands every check to staff', async () => {
    const comparer = disabledFaceComparer();

    expect(comparer.enabled).toBe(false);
    expect(await comparer.compare('photos/a.jpg', 'photos/b.jpg', 90)).toEqual({
      kind: 'unavailable',
      reason: '未启用自动人脸比对，已转人工审核',
    });
    expect(DISABLED_REASON).toBe('未启用自动人脸比对，已转人工审核');
  });
});

describe('faceComparerFromEnv', () => {
  it('is disabled when FACE_COMPARE is unset', () => {
    expect(faceComparerFromEnv({}).enabled).toBe(false);
  });

  it('is disabled when FACE_COMPARE is disabled', () => {
    expect(faceComparerFromEnv({ FACE_COMPARE: 'disabled' }).enabled).toBe(false);
  });

  it('uses Rekognition when FACE_COMPARE is enabled', () => {
    expect(faceComparerFromEnv({ FACE_COMPARE: 'enabled' }).enabled).toBe(true);
  });

  it('refuses any other value', () => {
    expect(() => faceComparerFromEnv({ FACE_COMPARE: 'on' })).toThrow(
      "Invalid configuration: FACE_COMPARE must be 'enabled' or 'disabled'",
    );
  });
});
