/**
 * Creates the application table in DynamoDB Local from `TABLE_SCHEMA` — the same description the CDK
 * table is built from, so local and cloud keys, indexes and TTL cannot differ.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA, type IndexSchema } from '../../functions/adapters/dynamodb/table-schema.js';
import { LocalSystemError } from './emulators.js';

function indexDefinition(index: IndexSchema): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  };
}

/** Waits until every index of the table is ACTIVE (a new index starts as CREATING). */
async function waitForActiveIndexes(client: DynamoDBClient, tableName: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    const pending = (table?.GlobalSecondaryIndexes ?? [])
      .filter((i) => i.IndexStatus !== 'ACTIVE')
      .map((i) => i.IndexName);
    if (pending.length === 0) return;
    if (Date.now() >= deadline) {
      throw new LocalSystemError(
        `Indexes ${pending.join(', ')} of table ${tableName} did not become active within ${timeoutMs / 1000} s`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The `CreateTable` input for the application table (on-demand, string keys, all GSIs). */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  for (const index of TABLE_SCHEMA.globalSecondaryIndexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE_SCHEMA.globalSecondaryIndexes.map(indexDefinition),
  };
}

/**
 * Makes sure the table exists as `TABLE_SCHEMA` describes it: creates it when missing, adds
 * indexes added to the schema since the data folder was created (waiting until they are ACTIVE),
 * and enables TTL on the TTL
 * attribute. (DynamoDB Local records the TTL setting but, like every emulator, never deletes expired
 * items: readers filter on the attribute too.)
 * @returns true when the table was created now
 * @throws LocalSystemError when the existing table's key schema differs (the data folder is from an
 *   incompatible version: delete it to start afresh)
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const wanted = tableDefinition(tableName);
  let created = false;
  let existing;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  if (!existing) {
    await client.send(new CreateTableCommand(wanted));
    created = true;
  } else {
    const keys = (existing.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
    const wantedKeys = (wanted.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
    if (keys !== wantedKeys) {
      throw new LocalSystemError(
        `Table ${tableName} has keys ${keys}, the code expects ${wantedKeys}. Delete the data folder to start afresh.`,
      );
    }
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of wanted.GlobalSecondaryIndexes ?? []) {
      if (present.has(index.IndexName)) continue;
      // One index per UpdateTable call, as DynamoDB requires.
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
  }
  await waitForActiveIndexes(client, tableName);
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.ttlAttribute, Enabled: true },
      }),
    );
  }
  return created;
}
