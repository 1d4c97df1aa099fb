import {
  CompareFacesCommand,
  InvalidParameterException,
  RekognitionClient,
  ThrottlingException,
} from '@aws-sdk/client-rekognition';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueSessionCookie, resetSigningKeyCache } from '../../functions/http/session.js';
import { apiEvent, jsonBody, lambdaContext, type ApiHandler } from '../support/events.js';

// Handler tests of `verifyIdentity` with the AWS clients mocked: DynamoDB answers the candidate, and
// Rekognition answers CompareFaces as configured per test (SPEC §2.1).

const dynamo = mockClient(DynamoDBDocumentClient);
const rekognition = mockClient(RekognitionClient);
const NOW = Date.parse('2026-11-30T08:00:00Z');
const CANDIDATE_ID = 'c0ffee00c0ffee00c0ffee00c0ffee00';

function photo(slot: string) {
  return {
    key: `photos/identity/${CANDIDATE_ID}/${slot}-u1.jpg`,
    uploadedAt: '2026-11-30T07:00:00.000Z',
    bytes: 1000,
    width: 480,
    height: 640,
  };
}

function candidateItem(kind: 'new' | 'enrolled' = 'enrolled') {
  return {
    pk: `CANDIDATE#${CANDIDATE_ID}`,
    sk: 'PROFILE',
    candidateId: CANDIDATE_ID,
    kind,
    idNumber: '140102199003071235',
    ticketNumber: '010120100001',
    rosterMajors: [],
    profile: {
      name: '张三',
      gender: 'male',
      birthDate: '1990-03-07',
      ethnicity: '汉族',
      hukouType: '城镇',
      education: '专科',
      occupation: '其他',
      politicalStatus: '群众',
      mobile: '13812345678',
      pointId: 'taiyuan',
    },
    passwordHash: 'scrypt$x',
    identity: {
      status: 'pending',
      photos: {
        idCardFront: photo('idCardFront'),
        handheld: photo('handheld'),
        ...(kind === 'new' ? { portrait: photo('portrait') } : {}),
      },
      autoChecks: { day: '', count: 0 },
    },
    createdAt: '2026-11-30T06:00:00.000Z',
    version: 3,
  };
}

let handler: ApiHandler;
let cookie: string;

function writtenIdentity(): Record<string, unknown> {
  const calls = dynamo.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  const update = calls[0]!.args[0].input.TransactItems![0]!.Update!;
  expect(update.ConditionExpression).toBe('#version = :expected');
  expect(update.ExpressionAttributeValues![':expected']).toBe(3);
  return update.ExpressionAttributeValues![':identity'] as Record<string, unknown>;
}

async function verify() {
  return handler(
    apiEvent({ method: 'POST', path: '/api/me/identity/verification', cookies: [cookie], timeEpoch: NOW }),
    lambdaContext(),
  );
}

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: 'table',
    PHOTO_BUCKET: 'photos-bucket',
    FACE_COMPARE: 'enabled',
    SIMILARITY_THRESHOLD: '90',
    SESSION_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
  });
  resetSigningKeyCache();
  cookie = (await issueSessionCookie({ kind: 'candidate', candidateId: CANDIDATE_ID }, NOW - 60_000)).split(';')[0]!;
  handler = ((await import('../../functions/handlers/candidate/verify-identity.js')) as { handler: ApiHandler })
    .handler;
});

afterAll(() => {
  delete process.env.FACE_COMPARE;
  dynamo.restore();
  rekognition.restore();
});

beforeEach(() => {
  dynamo.reset();
  rekognition.reset();
  dynamo.on(GetCommand).resolves({ Item: candidateItem() });
  dynamo.on(TransactWriteCommand).resolves({});
});

describe('verifyIdentity with Rekognition', () => {
  it('verifies automatically when the similarity is at or above the threshold, keeping the evidence', async () => {
    // Prepare
    rekognition.on(CompareFacesCommand).resolves({
      SourceImageFace: { BoundingBox: { Left: 0.1, Top: 0.2, Width: 0.3, Height: 0.4 }, Confidence: 99.9 },
      FaceMatches: [{ Similarity: 97.25, Face: { BoundingBox: { Left: 0.5, Top: 0.1, Width: 0.2, Height: 0.25 } } }],
      UnmatchedFaces: [],
    });
    // Act
    const res = await verify();
    // Assert
    expect(res.statusCode).toBe(200);
    expect(jsonBody(res)).toMatchObject({
      status: 'verified',
      statusText: '认证通过',
      rejection: null,
      autoChecksLeftToday: 2,
    });
    expect(rekognition.commandCalls(CompareFacesCommand)[0]!.args[0].input).toEqual({
      SourceImage: {
        S3Object: { Bucket: 'photos-bucket', Name: `photos/identity/${CANDIDATE_ID}/idCardFront-u1.jpg` },
      },
      TargetImage: { S3Object: { Bucket: 'photos-bucket', Name: `photos/identity/${CANDIDATE_ID}/handheld-u1.jpg` } },
      SimilarityThreshold: 90,
      QualityFilter: 'AUTO',
    });
    expect(writtenIdentity()).toMatchObject({
      status: 'verified',
      decidedBy: 'system',
      autoChecks: { day: '2026-11-30', count: 1 },
      evidence: {
        threshold: 90,
        comparisons: [
          {
            source: 'idCardFront',
            target: 'handheld',
            similarity: 97.25,
            outcome: 'compared',
            sourceFace: { left: 0.1, top: 0.2, width: 0.3, height: 0.4 },
            targetFace: { left: 0.5, top: 0.1, width: 0.2, height: 0.25 },
          },
        ],
      },
    });
  });

  it('hands a below-threshold match to staff, never rejecting on the score', async () => {
    rekognition.on(CompareFacesCommand).resolves({
      SourceImageFace: { BoundingBox: { Left: 0.1, Top: 0.2, Width: 0.3, Height: 0.4 } },
      FaceMatches: [],
      UnmatchedFaces: [{ BoundingBox: { Left: 0.4, Top: 0.3, Width: 0.2, Height: 0.2 } }],
    });
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(jsonBody(res)).toMatchObject({ status: 'manual_review', statusText: '人工审核中' });
    expect(writtenIdentity()).toMatchObject({ status: 'manual_review', manualReason: 'below_threshold' });
  });

  it('rejects the ID card photo with an actionable reason when Rekognition finds no face in it', async () => {
    rekognition
      .on(CompareFacesCommand)
      .rejects(new InvalidParameterException({ message: 'Request has invalid parameters', $metadata: {} }));
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(jsonBody(res)).toMatchObject({
      status: 'photo_rejected',
      rejection: { reason: '照片中未检测到人脸，请在光线充足处正对镜头重新拍摄并上传', slot: 'idCardFront' },
    });
  });

  it('hands over to staff without a 5xx when Rekognition is throttled', async () => {
    rekognition.on(CompareFacesCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }));
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(jsonBody(res)).toMatchObject({ status: 'manual_review' });
    expect(writtenIdentity()).toMatchObject({ status: 'manual_review', manualReason: 'unavailable' });
  });

  it('compares the portrait too for a new candidate', async () => {
    dynamo.on(GetCommand).resolves({ Item: candidateItem('new') });
    rekognition.on(CompareFacesCommand).resolves({ FaceMatches: [{ Similarity: 95, Face: {} }], SourceImageFace: {} });
    await verify();
    expect(
      rekognition.commandCalls(CompareFacesCommand).map((c) => c.args[0].input.TargetImage?.S3Object?.Name),
    ).toEqual([`photos/identity/${CANDIDATE_ID}/handheld-u1.jpg`, `photos/identity/${CANDIDATE_ID}/portrait-u1.jpg`]);
  });

  it('sends the fourth request of a day to staff without calling Rekognition', async () => {
    const item = candidateItem();
    dynamo
      .on(GetCommand)
      .resolves({ Item: { ...item, identity: { ...item.identity, autoChecks: { day: '2026-11-30', count: 3 } } } });
    const res = await verify();
    expect(jsonBody(res)).toMatchObject({ status: 'manual_review', autoChecksLeftToday: 0 });
    expect(rekognition.commandCalls(CompareFacesCommand)).toHaveLength(0);
    expect(writtenIdentity()).toMatchObject({ manualReason: 'daily_limit' });
  });

  it('refuses with 409 while photos are missing, writing nothing', async () => {
    const item = candidateItem();
    dynamo
      .on(GetCommand)
      .resolves({ Item: { ...item, identity: { ...item.identity, status: 'photos_required', photos: {} } } });
    const res = await verify();
    expect(res.statusCode).toBe(409);
    expect(jsonBody(res)).toMatchObject({ error: { code: 'INVALID_STATE', message: '请先上传全部照片再提交认证。' } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
