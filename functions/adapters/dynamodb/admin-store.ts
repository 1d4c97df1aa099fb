/**
 * DynamoDB implementation of {@link AdminStore}: staff listing (gsi2 partition `STAFF`), roster
 * import in batches of 25 (BatchWriteItem, retrying unprocessed items), notices (`pk=NOTICE`,
 * `sk=<publishedAt>#<noticeId>`, newest first).
 */
import { BatchWriteCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AdminStore, Notice } from '../../app/ports.js';
import type { StaffAccount } from '../../domain/staff/staff.js';
import { documentClient, tableName } from './client.js';
import { auditPut, keys } from './items.js';
import { toAccount } from './staff-store.js';

/** Creates the DynamoDB-backed admin store. */
export function dynamoAdminStore(): AdminStore {
  const db = documentClient();
  return {
    async listStaff() {
      const accounts: StaffAccount[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :p',
            ExpressionAttributeValues: { ':p': 'STAFF' },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        accounts.push(...(out.Items ?? []).map(toAccount));
        start = out.LastEvaluatedKey;
      } while (start);
      return accounts;
    },

    async putRoster(entries, audit) {
      for (let i = 0; i < entries.length; i += 25) {
        let requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string] = entries
          .slice(i, i + 25)
          .map((e) => ({ PutRequest: { Item: { ...keys.roster(e.idNumber), type: 'roster', ...e } } }));
        for (let attempt = 0; requests.length > 0; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
          if (attempt > 8) throw new Error('Roster import: DynamoDB kept items unprocessed');
          const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
          requests = out.UnprocessedItems?.[tableName()] ?? [];
        }
      }
      await db.send(new PutCommand(auditPut(audit).Put));
    },

    async publishNotice(notice: Notice, audit) {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName(),
                Item: { pk: 'NOTICE', sk: `${notice.publishedAt}#${notice.noticeId}`, type: 'notice', ...notice },
              },
            },
            auditPut(audit),
          ],
        }),
      );
    },

    async listNotices(limit) {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': 'NOTICE' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(
        ({ noticeId, title, body, publishedAt, publishedBy }) =>
          ({ noticeId, title, body, publishedAt, publishedBy }) as Notice,
      );
    },
  };
}
