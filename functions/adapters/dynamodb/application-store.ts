/**
 * DynamoDB implementation of {@link ApplicationStore}.
 *
 * | item | pk | sk |
 * | --- | --- | --- |
 * | application | `APPLICATION#<applicationId>` | `APPLICATION` |
 * | one per window | `CANDIDATE#<candidateId>` | `APPLICATION#<windowId>` (→ applicationId) |
 * | certificate photo | `CANDIDATE#<ownerId>` | `CERTPHOTO#<photoId>` (expires unless attached) |
 * | number sequence | `COUNTER` | `APPNO#<windowId>` |
 *
 * Submitted applications are in `gsi1` (`APPS#<pointId>`) and `gsi3` (`APPS#<pointId>#<status>`),
 * sorted by `<submittedAt>#<applicationId>`; drafts are in neither (sparse). Updates are conditional
 * on `version` and, for a re-application, on `status = returned AND attempt = 1` — so the
 * one-re-application rule holds in the database even for parallel calls.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationStore, PendingCertificatePhoto } from '../../app/ports.js';
import type { Application } from '../../domain/application/application.js';
import { AppError } from '../../domain/errors.js';
import { documentClient, tableName } from './client.js';
import { auditPut, decodeCursor, encodeCursor, failedConditions, pickFields } from './items.js';

const appKey = (id: string) => ({ pk: `APPLICATION#${id}`, sk: 'APPLICATION' });
const slotKey = (candidateId: string, windowId: string) => ({
  pk: `CANDIDATE#${candidateId}`,
  sk: `APPLICATION#${windowId}`,
});
const photoKey = (ownerId: string, photoId: string) => ({ pk: `CANDIDATE#${ownerId}`, sk: `CERTPHOTO#${photoId}` });

const FIELDS = [
  'applicationId',
  'candidateId',
  'windowId',
  'applicationNumber',
  'status',
  'attempt',
  'applicant',
  'pointId',
  'majors',
  'certificates',
  'returnReason',
  'returnedAt',
  'returnedBy',
  'decisions',
  'decidedAt',
  'decidedBy',
  'submittedAt',
  'createdAt',
  'updatedAt',
  'version',
] as const;

const toApplication = (item: Record<string, unknown>) => pickFields<Application>(item, FIELDS);

/** The full item: the application plus its queue index keys while submitted. */
function toItem(app: Application): Record<string, unknown> {
  const item: Record<string, unknown> = { ...appKey(app.applicationId), type: 'application', ...app };
  if (app.status !== 'draft' && app.submittedAt && app.pointId) {
    const sort = `${app.submittedAt}#${app.applicationId}`;
    Object.assign(item, {
      gsi1pk: `APPS#${app.pointId}`,
      gsi1sk: sort,
      gsi3pk: `APPS#${app.pointId}#${app.status}`,
      gsi3sk: sort,
    });
  }
  return item;
}

/** Creates the DynamoDB-backed application store. */
export function dynamoApplicationStore(): ApplicationStore {
  const db = documentClient();
  const table = () => tableName();

  async function get(applicationId: string): Promise<Application | null> {
    const out = await db.send(new GetCommand({ TableName: table(), Key: appKey(applicationId), ConsistentRead: true }));
    return out.Item ? toApplication(out.Item) : null;
  }

  return {
    get,

    async getForCandidate(candidateId, windowId) {
      const slot = await db.send(
        new GetCommand({ TableName: table(), Key: slotKey(candidateId, windowId), ConsistentRead: true }),
      );
      return typeof slot.Item?.applicationId === 'string' ? get(slot.Item.applicationId) : null;
    },

    async create(app, audit = []) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table(),
                  Item: {
                    ...slotKey(app.candidateId, app.windowId),
                    type: 'application-slot',
                    applicationId: app.applicationId,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Put: { TableName: table(), Item: toItem(app), ConditionExpression: 'attribute_not_exists(pk)' } },
              ...audit.map(auditPut),
            ],
          }),
        );
      } catch (e) {
        if (failedConditions(e)?.length) throw new AppError('ALREADY_EXISTS', '本期免考申请已存在，请刷新页面。');
        throw e;
      }
    },

    async update(app, audit = [], require = {}) {
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':expected': app.version - 1 };
      let condition = '#version = :expected';
      if (require.status !== undefined) {
        names['#status'] = 'status';
        values[':requiredStatus'] = require.status;
        condition += ' AND #status = :requiredStatus';
      }
      if (require.attempt !== undefined) {
        values[':requiredAttempt'] = require.attempt;
        condition += ' AND attempt = :requiredAttempt';
      }
      const put = {
        TableName: table(),
        Item: toItem(app),
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      };
      try {
        if (audit.length === 0) await db.send(new PutCommand(put));
        else await db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...audit.map(auditPut)] }));
      } catch (e) {
        if ((e as { name?: string }).name === 'ConditionalCheckFailedException' || failedConditions(e)?.includes(0)) {
          throw new AppError('VERSION_CONFLICT', '申请信息已被更新（可能在其他页面或由工作人员操作），请刷新后查看。');
        }
        throw e;
      }
    },

    async nextNumber(windowId) {
      const out = await db.send(
        new UpdateCommand({
          TableName: table(),
          Key: { pk: 'COUNTER', sk: `APPNO#${windowId}` },
          UpdateExpression: 'ADD #seq :one',
          ExpressionAttributeNames: { '#seq': 'seq' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.seq);
    },

    async putPhoto(photo) {
      await db.send(
        new PutCommand({
          TableName: table(),
          Item: { ...photoKey(photo.ownerId, photo.photoId), type: 'certificate-photo', ...photo },
        }),
      );
    },

    async getPhoto(ownerId, photoId, now) {
      const out = await db.send(
        new GetCommand({ TableName: table(), Key: photoKey(ownerId, photoId), ConsistentRead: true }),
      );
      const item = out.Item;
      // TTL deletion is lazy (and absent in the emulator): filter on the expiry attribute too.
      if (!item || Number(item.expiresAt) <= Math.floor(now / 1000)) return null;
      const { pk: _pk, sk: _sk, type: _type, ...photo } = item;
      return photo as PendingCertificatePhoto;
    },

    async list(query) {
      const byStatus = query.status !== undefined;
      const index = byStatus ? 'gsi3' : 'gsi1';
      const partition = byStatus ? `APPS#${query.pointId}#${query.status}` : `APPS#${query.pointId}`;
      let startKey = decodeCursor(query.cursor, {
        partitionAttr: `${index}pk`,
        partitionValue: partition,
        attrs: ['pk', 'sk', `${index}pk`, `${index}sk`],
      }) as Record<string, unknown> | undefined;
      const items: Application[] = [];
      // A filter (major) is applied after Limit: keep reading until the page is full or the partition ends,
      // so a page is never short while more matching items exist.
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: table(),
            IndexName: index,
            KeyConditionExpression: `${index}pk = :p`,
            ExpressionAttributeValues: { ':p': partition, ...(query.major ? { ':major': query.major } : {}) },
            ...(query.major ? { FilterExpression: 'contains(majors, :major)' } : {}),
            ScanIndexForward: query.order === 'asc',
            Limit: query.limit - items.length,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        items.push(...(out.Items ?? []).map(toApplication));
        startKey = out.LastEvaluatedKey;
      } while (startKey && items.length < query.limit);
      const cursor = encodeCursor(startKey);
      return { items, ...(cursor ? { cursor } : {}) };
    },
  };
}
