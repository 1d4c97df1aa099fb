/**
 * The session version of an account item (candidate or staff; see `SessionVersioned`): read on every
 * authenticated request, incremented atomically (`ADD`) at logout and password changes. Kept apart
 * from the optimistic-locking `version`, so ending sessions never conflicts with a profile update.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';

type Key = { pk: string; sk: string };

/** Session-version operations for the items addressed by `keyOf(id)`. */
export function sessionVersionOps(keyOf: (id: string) => Key) {
  const db = documentClient();
  return {
    /** The current session version (0 when never bumped), or null when the account does not exist. */
    async sessionVersion(id: string): Promise<number | null> {
      const out = await db.send(
        new GetCommand({
          TableName: tableName(),
          Key: keyOf(id),
          ProjectionExpression: 'pk, sessionVersion',
          ConsistentRead: true,
        }),
      );
      if (!out.Item) return null;
      return typeof out.Item.sessionVersion === 'number' ? out.Item.sessionVersion : 0;
    },
    /** Ends every session of the account; returns the new version. */
    async bumpSessionVersion(id: string): Promise<number> {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(id),
          UpdateExpression: 'ADD sessionVersion :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.sessionVersion ?? 0);
    },
  };
}
