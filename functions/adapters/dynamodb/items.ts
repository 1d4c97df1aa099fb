/**
 * Shared helpers for the single-table layout: key builders, audit items, cursors and transaction
 * error mapping. Keys are documented here, in one place:
 *
 * | item | pk | sk |
 * | --- | --- | --- |
 * | candidate | `CANDIDATE#<candidateId>` | `PROFILE` |
 * | pending upload | `CANDIDATE#<ownerId>` | `UPLOAD#<uploadId>` |
 * | ID number claim | `IDNUMBER#<idNumber>` | `UNIQUE` |
 * | ticket number claim | `TICKET#<ticketNumber>` | `UNIQUE` |
 * | roster entry | `ROSTER#<idNumber>` | `ROSTER` |
 * | staff account | `STAFF#<username>` | `STAFF` |
 * | audit entry | `AUDIT#<entityType>#<entityId>` | `<at>#<random>` |
 * | catalog / window | `CONFIG` | `CATALOG` / `WINDOW` |
 */
import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { AuditEntry } from '../../app/ports.js';
import { AppError } from '../../domain/errors.js';
import { tableName } from './client.js';

/** Key builders. */
export const keys = {
  candidate: (id: string) => ({ pk: `CANDIDATE#${id}`, sk: 'PROFILE' }),
  upload: (ownerId: string, uploadId: string) => ({ pk: `CANDIDATE#${ownerId}`, sk: `UPLOAD#${uploadId}` }),
  idNumber: (idNumber: string) => ({ pk: `IDNUMBER#${idNumber}`, sk: 'UNIQUE' }),
  ticketNumber: (ticket: string) => ({ pk: `TICKET#${ticket}`, sk: 'UNIQUE' }),
  roster: (idNumber: string) => ({ pk: `ROSTER#${idNumber}`, sk: 'ROSTER' }),
  staff: (username: string) => ({ pk: `STAFF#${username}`, sk: 'STAFF' }),
  auditPk: (entityType: string, entityId: string) => `AUDIT#${entityType}#${entityId}`,
};

/**
 * The domain object of a stored item: only the listed attributes (no keys, index attributes or
 * counters), absent ones left out. The caller names the type the attributes make up.
 */
export function pickFields<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out as T;
}

/** A TransactWrite `Put` of an audit entry (append-only: the condition refuses to overwrite). */
export function auditPut(entry: AuditEntry) {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        pk: keys.auditPk(entry.entityType, entry.entityId),
        sk: `${entry.at}#${randomBytes(4).toString('hex')}`,
        type: 'audit',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Encodes a LastEvaluatedKey as an opaque cursor (base64url JSON). */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * Decodes a cursor and checks it belongs to the partition being queried, so a crafted cursor can
 * neither reach another partition nor cause a service error.
 * @throws AppError BAD_REQUEST when the cursor is malformed or foreign
 */
export function decodeCursor(
  cursor: string | undefined,
  expect: { partitionAttr: string; partitionValue: string; attrs: readonly string[] },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.keys(value).sort().join() === [...expect.attrs].sort().join() &&
      Object.values(value).every((v) => typeof v === 'string') &&
      (value as Record<string, string>)[expect.partitionAttr] === expect.partitionValue
    ) {
      return value as Record<string, string>;
    }
  } catch {
    // fall through
  }
  throw new AppError('BAD_REQUEST', '分页参数无效，请从第一页重新查询。', { fields: { cursor: '无效' } });
}

/** The indexes (in the transaction's item order) whose condition failed, from a cancelled transaction. */
export function failedConditions(error: unknown): number[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  return (error.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}
