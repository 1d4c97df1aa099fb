/**
 * Wiring shared by the candidate handlers: the DynamoDB-backed stores and the configuration they need.
 * Only what a handler imports is bundled into its function.
 */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { dynamoRosterStore } from '../../adapters/dynamodb/roster-store.js';
import { randomIds, systemClock, ticketPattern } from '../../adapters/runtime.js';
import { toMeView } from '../../app/candidate-views.js';
import type { AccountDeps } from '../../app/candidate-accounts.js';
import type { CatalogStore } from '../../app/ports.js';
import type { Candidate } from '../../domain/identity/candidate.js';

/** Ports of the account use cases, backed by DynamoDB. */
export function accountDeps(): AccountDeps {
  return {
    candidates: dynamoCandidateStore(),
    roster: dynamoRosterStore(),
    catalogs: dynamoCatalogStore(),
    clock: systemClock,
    ids: randomIds,
    ticketPattern: ticketPattern(),
  };
}

/** True when automatic face comparison is configured for this stage (`FACE_COMPARE=enabled`). */
export function faceCompareEnabled(): boolean {
  return process.env.FACE_COMPARE === 'enabled';
}

/** Builds the candidate's own view with the catalog and window it needs. */
export async function meView(catalogs: CatalogStore, c: Candidate, now: number) {
  const [catalog, window] = await Promise.all([catalogs.getCatalog(), catalogs.getWindow()]);
  return toMeView(c, { catalog, window, now, faceCompareEnabled: faceCompareEnabled() });
}

/** The session a signed-in candidate gets (with the account's current session version). */
export function candidateSession(c: Candidate) {
  return { kind: 'candidate' as const, candidateId: c.candidateId, sessionVersion: c.sessionVersion ?? 0 };
}
