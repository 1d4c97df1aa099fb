/** Wiring of the identity handlers: candidate store, photo storage, face comparer, configuration. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { faceComparerFromEnv } from '../../adapters/rekognition/faces.js';
import { randomIds, similarityThreshold, systemClock } from '../../adapters/runtime.js';
import { s3PhotoStorage } from '../../adapters/s3/photo-storage.js';
import type { IdentityDeps } from '../../app/identity.js';

/** Ports of the identity use cases, backed by DynamoDB, S3 and (when enabled) Rekognition. */
export function identityDeps(): IdentityDeps {
  return {
    candidates: dynamoCandidateStore(),
    photos: s3PhotoStorage(),
    faces: faceComparerFromEnv(),
    clock: systemClock,
    ids: randomIds,
    similarityThreshold: similarityThreshold(),
  };
}
