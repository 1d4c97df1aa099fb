/** Wiring of the application handlers: DynamoDB stores, S3 photo storage, clock and ids. */
import { dynamoApplicationStore } from '../../adapters/dynamodb/application-store.js';
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { randomIds, systemClock } from '../../adapters/runtime.js';
import { s3PhotoStorage } from '../../adapters/s3/photo-storage.js';
import type { ApplicationDeps } from '../../app/applications.js';

/** Ports of the application use cases (the S3 client and bucket name are resolved on first use). */
export function applicationDeps(): ApplicationDeps {
  return {
    applications: dynamoApplicationStore(),
    candidates: dynamoCandidateStore(),
    catalogs: dynamoCatalogStore(),
    photos: s3PhotoStorage(),
    clock: systemClock,
    ids: randomIds,
  };
}
