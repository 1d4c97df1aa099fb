/**
 * DynamoDB implementation of {@link CandidateStore} (keys: see `items.ts`). Uniqueness of ID and
 * ticket numbers is enforced by conditional puts in one transaction; updates use the `version`
 * attribute for optimistic locking; the manual identity-review queue is the sparse index `gsi2`.
 */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CandidateStore } from '../../app/ports.js';
import { AppError } from '../../domain/errors.js';
import type { Candidate } from '../../domain/identity/candidate.js';
import { documentClient, tableName } from './client.js';
import { auditPut, decodeCursor, encodeCursor, failedConditions, keys, pickFields } from './items.js';
import { lockoutOps } from './lockout.js';
import { sessionVersionOps } from './session-version.js';

const CANDIDATE_FIELDS = [
  'candidateId',
  'kind',
  'idNumber',
  'ticketNumber',
  'rosterMajors',
  'profile',
  'passwordHash',
  'identity',
  'createdAt',
  'version',
  'sessionVersion',
] as const;

const toCandidate = (item: Record<string, unknown>) => pickFields<Candidate>(item, CANDIDATE_FIELDS);

/** The review-queue index keys while an identity waits for staff; none otherwise (sparse index). */
function reviewKeys(c: Candidate): { gsi2pk: string; gsi2sk: string } | null {
  if (c.identity.status !== 'manual_review') return null;
  return {
    gsi2pk: `IDREVIEW#${c.profile.pointId}`,
    gsi2sk: `${c.identity.submittedAt ?? c.createdAt}#${c.candidateId}`,
  };
}

/** Creates the DynamoDB-backed candidate store. */
export function dynamoCandidateStore(): CandidateStore {
  const db = documentClient();
  const table = () => tableName();

  return {
    async get(candidateId) {
      const out = await db.send(
        new GetCommand({ TableName: table(), Key: keys.candidate(candidateId), ConsistentRead: true }),
      );
      return out.Item ? toCandidate(out.Item) : null;
    },

    async findIdByLogin(by, value) {
      const key = by === 'idNumber' ? keys.idNumber(value) : keys.ticketNumber(value);
      const out = await db.send(new GetCommand({ TableName: table(), Key: key }));
      return typeof out.Item?.candidateId === 'string' ? out.Item.candidateId : null;
    },

    async create(candidate) {
      const claims = [
        keys.idNumber(candidate.idNumber),
        ...(candidate.ticketNumber ? [keys.ticketNumber(candidate.ticketNumber)] : []),
      ];
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table(),
                  Item: {
                    ...keys.candidate(candidate.candidateId),
                    type: 'candidate',
                    ...candidate,
                    ...reviewKeys(candidate),
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...claims.map((key) => ({
                Put: {
                  TableName: table(),
                  Item: { ...key, type: 'claim', candidateId: candidate.candidateId },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              })),
            ],
          }),
        );
      } catch (e) {
        const failed = failedConditions(e);
        if (failed?.includes(1)) {
          throw new AppError(
            'ALREADY_EXISTS',
            '该身份证号已注册，请直接登录；如忘记密码，请携带身份证到免考确认点办理。',
            {
              fields: { idNumber: '该身份证号已注册' },
            },
          );
        }
        if (failed?.includes(2)) {
          throw new AppError('ALREADY_EXISTS', '该准考证号已被其他账户使用，请联系免考确认点核实。', {
            fields: { idNumber: '准考证号已被使用' },
          });
        }
        throw e;
      }
    },

    async update(candidate, audit = []) {
      const review = reviewKeys(candidate);
      const names: Record<string, string> = { '#profile': 'profile', '#identity': 'identity', '#version': 'version' };
      const values: Record<string, unknown> = {
        ':profile': candidate.profile,
        ':identity': candidate.identity,
        ':hash': candidate.passwordHash,
        ':majors': candidate.rosterMajors,
        ':version': candidate.version,
        ':expected': candidate.version - 1,
      };
      let set =
        'SET #profile = :profile, #identity = :identity, passwordHash = :hash, rosterMajors = :majors, #version = :version';
      let remove = '';
      if (review) {
        set += ', gsi2pk = :gpk, gsi2sk = :gsk';
        values[':gpk'] = review.gsi2pk;
        values[':gsk'] = review.gsi2sk;
      } else {
        remove = ' REMOVE gsi2pk, gsi2sk';
      }
      const update = {
        Update: {
          TableName: table(),
          Key: keys.candidate(candidate.candidateId),
          UpdateExpression: set + remove,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
      try {
        if (audit.length === 0) {
          await db.send(new UpdateCommand(update.Update));
        } else {
          await db.send(new TransactWriteCommand({ TransactItems: [update, ...audit.map(auditPut)] }));
        }
      } catch (e) {
        const name = (e as { name?: string }).name;
        if (name === 'ConditionalCheckFailedException' || failedConditions(e)?.includes(0)) {
          throw new AppError('VERSION_CONFLICT', '信息已被更新，请刷新页面后重试。');
        }
        throw e;
      }
    },

    ...lockoutOps(keys.candidate),
    ...sessionVersionOps(keys.candidate),

    async putUpload(upload) {
      await db.send(
        new PutCommand({
          TableName: table(),
          Item: { ...keys.upload(upload.ownerId, upload.uploadId), type: 'upload', ...upload },
        }),
      );
    },

    async getUpload(ownerId, uploadId, now) {
      const out = await db.send(
        new GetCommand({ TableName: table(), Key: keys.upload(ownerId, uploadId), ConsistentRead: true }),
      );
      const item = out.Item;
      // TTL deletion is lazy (and absent in the emulator): filter on the expiry attribute too.
      if (!item || Number(item.expiresAt) <= Math.floor(now / 1000)) return null;
      const { pk: _pk, sk: _sk, type: _type, ...upload } = item;
      return upload as never;
    },

    async deleteUpload(ownerId, uploadId) {
      await db.send(new DeleteCommand({ TableName: table(), Key: keys.upload(ownerId, uploadId) }));
    },

    async listIdentityReviews(pointId, limit, cursor) {
      const partition = `IDREVIEW#${pointId}`;
      const out = await db.send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :p',
          ExpressionAttributeValues: { ':p': partition },
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, {
            partitionAttr: 'gsi2pk',
            partitionValue: partition,
            attrs: ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
          }),
        }),
      );
      const cursorOut = encodeCursor(out.LastEvaluatedKey);
      return { items: (out.Items ?? []).map(toCandidate), ...(cursorOut ? { cursor: cursorOut } : {}) };
    },
  };
}
