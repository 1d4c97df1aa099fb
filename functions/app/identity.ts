/**
 * Use cases of identity verification (SPEC §2.1, §3): presigned photo uploads, the "complete" check,
 * viewing one's own photo, and the verification request (automatic face comparison or staff).
 */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { PhotoUploadBody } from '../domain/identity/api.js';
import {
  afterAutoCheck,
  assertPhotosEditable,
  comparisonsFor,
  planVerification,
  SLOT_NAMES,
  toManualReview,
  withPhoto,
  type AutoCheckResult,
  type Candidate,
  type IdentitySlot,
} from '../domain/identity/candidate.js';
import { IDENTITY_PHOTO_RULES } from '../domain/photos.js';
import { finishUpload, pendingUpload, PRESIGN_SECONDS, startUpload } from './photo-uploads.js';
import type { AuditEntry, CandidateStore, Clock, FaceComparer, Ids, PhotoStorage } from './ports.js';

/** Ports of the identity use cases. */
export interface IdentityDeps {
  readonly candidates: CandidateStore;
  readonly photos: PhotoStorage;
  readonly faces: FaceComparer;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Similarity (0–100) at or above which an identity is verified automatically. */
  readonly similarityThreshold: number;
}

async function loadCandidate(candidates: CandidateStore, candidateId: string): Promise<Candidate> {
  const c = await candidates.get(candidateId);
  if (!c) throw new AppError('UNAUTHENTICATED', '账户不存在，请重新登录。');
  return c;
}

function auditOf(
  c: Candidate,
  action: string,
  at: string,
  before: unknown,
  after: unknown,
  actorId = c.candidateId,
): AuditEntry {
  return {
    entityType: 'candidate',
    entityId: c.candidateId,
    action,
    actor: { kind: 'candidate', id: actorId },
    at,
    before,
    after,
  };
}

/**
 * Creates a presigned PUT for an identity photo.
 * Primary course: check the slot is needed and editable → check declared type and size → choose an
 * ASCII key → remember the upload (owner, declared type and size) → presign with type and size signed.
 * @throws AppError VALIDATION_FAILED (type, size, slot), INVALID_STATE (photos frozen)
 */
export function makeCreateIdentityPhotoUpload(deps: IdentityDeps) {
  return async (candidateId: string, input: z.infer<typeof PhotoUploadBody>) => {
    const c = await loadCandidate(deps.candidates, candidateId);
    assertPhotosEditable(c.identity, c.kind, input.slot);
    return startUpload(deps, candidateId, {
      purpose: `identity:${input.slot}`,
      folder: 'identity',
      contentType: input.contentType,
      contentLength: input.contentLength,
      rules: IDENTITY_PHOTO_RULES,
    });
  };
}

/**
 * Confirms an identity photo upload: re-checks the stored object (size, magic bytes, pixel size),
 * moves it to its permanent key and records it on the candidate. Repeating the call for an upload
 * already recorded answers the current state (a retry after a lost answer is safe).
 * @throws AppError NOT_FOUND (no such upload of this candidate), PHOTO_REJECTED (with the reason),
 *   INVALID_STATE, VERSION_CONFLICT
 */
export function makeCompleteIdentityPhotoUpload(deps: IdentityDeps) {
  return async (candidateId: string, uploadId: string): Promise<Candidate> => {
    // Idempotent: when the answer to a completed upload was lost, a repeated call answers the same.
    const current = await loadCandidate(deps.candidates, candidateId);
    if (Object.values(current.identity.photos).some((p) => p.key.includes(`-${uploadId}.`))) return current;
    const upload = await pendingUpload(deps, candidateId, uploadId, (p) => p.startsWith('identity:'));
    const slot = upload.purpose.slice('identity:'.length) as IdentitySlot;
    const c = current;
    assertPhotosEditable(c.identity, c.kind, slot);
    const { key, stored } = await finishUpload(deps, upload, {
      folder: 'identity',
      name: `${slot}-${uploadId}`,
      rules: IDENTITY_PHOTO_RULES,
      label: SLOT_NAMES[slot],
      field: slot,
    });
    const at = new Date(deps.clock.now()).toISOString();
    const photo = { key, uploadedAt: at, bytes: stored.bytes, width: stored.width, height: stored.height };
    const updated: Candidate = { ...c, identity: withPhoto(c.identity, c.kind, slot, photo), version: c.version + 1 };
    await deps.candidates.update(updated, [
      auditOf(
        c,
        'identity.photo.uploaded',
        at,
        { status: c.identity.status },
        { status: updated.identity.status, slot },
      ),
    ]);
    return updated;
  };
}

/**
 * A short-lived URL of one of the candidate's own identity photos.
 * @throws AppError NOT_FOUND when that photo was not uploaded
 */
export function makeGetIdentityPhoto(deps: Pick<IdentityDeps, 'candidates' | 'photos' | 'clock'>) {
  return async (candidateId: string, slot: IdentitySlot) => {
    const c = await loadCandidate(deps.candidates, candidateId);
    const photo = c.identity.photos[slot];
    if (!photo) throw new AppError('NOT_FOUND', '尚未上传该照片。');
    const url = await deps.photos.presignDownload(photo.key, PRESIGN_SECONDS);
    return { url, expiresAt: new Date(deps.clock.now() + PRESIGN_SECONDS * 1000).toISOString() };
  };
}

/**
 * Asks for verification once every photo is uploaded (SPEC §2.1): automatic face comparison when
 * enabled and under the daily limit, otherwise the staff queue. A photo without a usable face is
 * rejected with a reason; a failing face service hands over to staff; never a 5xx for either.
 * @throws AppError INVALID_STATE (photos missing, already verified or in review), VERSION_CONFLICT
 */
export function makeVerifyIdentity(deps: IdentityDeps) {
  return async (candidateId: string): Promise<Candidate> => {
    const c = await loadCandidate(deps.candidates, candidateId);
    const now = deps.clock.now();
    const plan = planVerification(c.identity, deps.faces.enabled, now);
    let identity;
    if (plan.mode === 'manual') {
      identity = toManualReview(c.identity, plan.reason, now);
    } else {
      const results: AutoCheckResult[] = [];
      for (const pair of comparisonsFor(c.kind)) {
        const r = await deps.faces.compare(
          c.identity.photos[pair.source]!.key,
          c.identity.photos[pair.target]!.key,
          deps.similarityThreshold,
        );
        if (r.kind === 'compared') {
          results.push({
            ...pair,
            outcome: 'compared',
            similarity: r.similarity,
            sourceFace: r.sourceFace,
            targetFace: r.targetFace,
          });
        } else if (r.kind === 'no-face') {
          results.push({
            ...pair,
            outcome: 'no-face',
            similarity: null,
            sourceFace: null,
            targetFace: null,
            reason: r.reason,
            photo: r.photo,
          });
          break;
        } else {
          results.push({
            ...pair,
            outcome: 'unavailable',
            similarity: null,
            sourceFace: null,
            targetFace: null,
            reason: r.reason,
          });
          break;
        }
      }
      identity = afterAutoCheck(c.identity, results, deps.similarityThreshold, now);
    }
    const updated: Candidate = { ...c, identity, version: c.version + 1 };
    const at = new Date(now).toISOString();
    await deps.candidates.update(updated, [
      auditOf(
        c,
        'identity.verification',
        at,
        { status: c.identity.status },
        {
          status: identity.status,
          ...(identity.manualReason ? { manualReason: identity.manualReason } : {}),
          ...(identity.evidence ? { evidence: identity.evidence } : {}),
        },
      ),
    ]);
    return updated;
  };
}
