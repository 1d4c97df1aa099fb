/**
 * The key schema of the single application table: one source for the CDK definition (`lib/data.ts`)
 * and the embedded system's `CreateTable` (`lib/local/`), so both always match. Data only.
 */

/** One global secondary index: string partition and sort keys, all attributes projected. */
export interface IndexSchema {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** What the index serves. */
  readonly purpose: string;
}

/** The table's keys, TTL attribute and GSIs. All key attributes are strings. */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which an item is dead (unconfirmed uploads, lockouts). Readers also filter on it. */
  ttlAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      purpose: 'staff application queue: every submitted application of a confirmation point, by submission time',
    },
    {
      indexName: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      purpose: 'identity manual-review queue by confirmation point (sparse: only identities waiting for staff)',
    },
    {
      indexName: 'gsi3',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      purpose: 'staff application queue filtered by status: confirmation point + status, by submission time',
    },
  ] satisfies IndexSchema[],
} as const;
