/** DynamoDB implementation of {@link StaffStore}: one item per account, keyed by username. */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffStore } from '../../app/ports.js';
import { AppError } from '../../domain/errors.js';
import type { StaffAccount } from '../../domain/staff/staff.js';
import { documentClient, tableName } from './client.js';
import { auditPut, failedConditions, keys, pickFields } from './items.js';
import { lockoutOps } from './lockout.js';
import { sessionVersionOps } from './session-version.js';

const FIELDS = [
  'username',
  'displayName',
  'role',
  'points',
  'passwordHash',
  'disabled',
  'createdAt',
  'version',
  'sessionVersion',
] as const;

/** Maps a stored item to a staff account (no keys, no counters). */
export function toAccount(item: Record<string, unknown>): StaffAccount {
  return pickFields<StaffAccount>(item, FIELDS);
}

/** Creates the DynamoDB-backed staff store. */
export function dynamoStaffStore(): StaffStore {
  const db = documentClient();
  return {
    async get(username) {
      const out = await db.send(
        new GetCommand({ TableName: tableName(), Key: keys.staff(username), ConsistentRead: true }),
      );
      return out.Item ? toAccount(out.Item) : null;
    },
    async create(account, audit = []) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  // gsi2 lists every account for admins (partition `STAFF`, sorted by username).
                  Item: {
                    ...keys.staff(account.username),
                    type: 'staff',
                    ...account,
                    gsi2pk: 'STAFF',
                    gsi2sk: account.username,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...audit.map(auditPut),
            ],
          }),
        );
      } catch (e) {
        if (failedConditions(e)?.includes(0))
          throw new AppError('ALREADY_EXISTS', '该用户名已存在。', { fields: { username: '用户名已存在' } });
        throw e;
      }
    },
    async update(account, audit = []) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName(),
                  Key: keys.staff(account.username),
                  UpdateExpression:
                    'SET displayName = :d, #role = :r, points = :p, passwordHash = :h, disabled = :x, #version = :v',
                  ConditionExpression: '#version = :expected',
                  ExpressionAttributeNames: { '#role': 'role', '#version': 'version' },
                  ExpressionAttributeValues: {
                    ':d': account.displayName,
                    ':r': account.role,
                    ':p': account.points,
                    ':h': account.passwordHash,
                    ':x': account.disabled,
                    ':v': account.version,
                    ':expected': account.version - 1,
                  },
                },
              },
              ...audit.map(auditPut),
            ],
          }),
        );
      } catch (e) {
        if (failedConditions(e)?.includes(0))
          throw new AppError('VERSION_CONFLICT', '账户信息已被其他管理员修改，请刷新后重试。');
        throw e;
      }
    },
    ...lockoutOps(keys.staff),
    ...sessionVersionOps(keys.staff),
  };
}
