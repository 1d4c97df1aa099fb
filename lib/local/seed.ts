/**
 * Demo data of the embedded system, written at every start but only where missing, so whatever a
 * person changed locally (a new window, an imported catalog) is kept. The catalog itself needs no
 * seed: without a `CONFIG`/`CATALOG` item the catalog store serves the catalog shipped with the code.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What seeding may use: clients bound to the local emulators, names, and the current time. */
export interface SeedContext {
  readonly db: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly tableName: string;
  readonly bucket: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/** What seeding did, for the start-up banner. */
export interface SeedReport {
  /** True when the application window was written now (it was missing). */
  readonly windowCreated: boolean;
  /** Lines to print at start (e.g. demo credentials). */
  readonly notes: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Puts `item` unless an item with its keys exists. @returns true when written */
async function putIfMissing(
  db: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

/**
 * Seeds the local table:
 * 1. the application window (`pk=CONFIG`, `sk=WINDOW`, the shape `dynamoCatalogStore().putWindow`
 *    writes), open from one day ago for 60 days, so the demo can apply at once.
 */
export async function seedLocalData(ctx: SeedContext): Promise<SeedReport> {
  const notes: string[] = [];
  const windowCreated = await putIfMissing(ctx.db, ctx.tableName, {
    pk: 'CONFIG',
    sk: 'WINDOW',
    opensAt: new Date(ctx.now - DAY_MS).toISOString(),
    closesAt: new Date(ctx.now + 60 * DAY_MS).toISOString(),
    updatedAt: new Date(ctx.now).toISOString(),
    updatedBy: 'local-seed',
  });
  if (windowCreated) notes.push('Application window seeded: open from yesterday for 60 days.');
  return { windowCreated, notes };
}
