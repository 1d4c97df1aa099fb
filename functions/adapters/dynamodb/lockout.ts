/**
 * Login-failure counting on an account item (candidate or staff), shared by both stores. The counter
 * uses an atomic `ADD`, so parallel wrong guesses are all counted; the account's `version` is not
 * touched (a failed login must not conflict with a profile update).
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';

type Key = { pk: string; sk: string };

/** Lockout operations for the items addressed by `keyOf(id)`. */
export function lockoutOps(keyOf: (id: string) => Key) {
  const db = documentClient();
  return {
    /** Counts a failure; on the `lockAfter`-th, locks for `lockSeconds` and returns the lock end (ISO). */
    async recordLoginFailure(
      id: string,
      now: number,
      lockAfter: number,
      lockSeconds: number,
    ): Promise<string | undefined> {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(id),
          UpdateExpression: 'ADD loginFailures :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      if (Number(out.Attributes?.loginFailures ?? 0) < lockAfter) return undefined;
      const lockedUntil = new Date(now + lockSeconds * 1000).toISOString();
      await db.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(id),
          UpdateExpression: 'SET lockedUntil = :until, loginFailures = :zero',
          ExpressionAttributeValues: { ':until': lockedUntil, ':zero': 0 },
        }),
      );
      return lockedUntil;
    },
    /** The lock end, if the account was ever locked (callers compare it with now). */
    async lockedUntil(id: string): Promise<string | undefined> {
      const out = await db.send(
        new GetCommand({
          TableName: tableName(),
          Key: keyOf(id),
          ProjectionExpression: 'lockedUntil',
          ConsistentRead: true,
        }),
      );
      return typeof out.Item?.lockedUntil === 'string' ? out.Item.lockedUntil : undefined;
    },
    /** Resets the counter and the lock after a successful login. */
    async clearLoginFailures(id: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(id),
          UpdateExpression: 'REMOVE loginFailures, lockedUntil',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    },
  };
}
