/** The audit trail: reads, and appends of entries that go with no other write (append-only, never updated). */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditStore } from '../../app/ports.js';
import { documentClient, tableName } from './client.js';
import { auditPut, keys } from './items.js';

/** Creates the DynamoDB-backed audit reader. */
export function dynamoAuditStore(): AuditStore {
  const db = documentClient();
  return {
    async list(entityType, entityId) {
      const items: AuditEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': keys.auditPk(entityType, entityId) },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) {
          const { pk: _pk, sk: _sk, type: _type, ...entry } = item;
          items.push(entry as AuditEntry);
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async append(entry) {
      await db.send(new PutCommand(auditPut(entry).Put));
    },
  };
}
