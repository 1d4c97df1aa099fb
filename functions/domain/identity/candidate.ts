/**
 * Candidates and the state of their identity verification (SPEC §2.1, seed §二):
 * photos required → pending → verified | manual review | photo rejected (re-upload allowed).
 * Pure rules; no AWS import.
 */
import { AppError } from '../errors.js';
import type { FaceBox } from '../../app/ports.js';

/** 新考生 (registers online) or 在籍考生 (already holds a ticket number, activates an account). */
export type CandidateKind = 'new' | 'enrolled';

/** Identity photo slots: 免冠彩色证件照, 身份证人像面, 手持身份证照. */
export const IDENTITY_SLOTS = ['portrait', 'idCardFront', 'handheld'] as const;
export type IdentitySlot = (typeof IDENTITY_SLOTS)[number];

/** Chinese names of the slots, as the seed words them. */
export const SLOT_NAMES: Record<IdentitySlot, string> = {
  portrait: '免冠彩色证件照',
  idCardFront: '身份证照片（人像面）',
  handheld: '手持身份证照（半身）',
};

/** Slots a candidate must fill: 三照 for new candidates, 两照 for enrolled candidates (seed). */
export function requiredSlots(kind: CandidateKind): readonly IdentitySlot[] {
  return kind === 'new' ? IDENTITY_SLOTS : ['idCardFront', 'handheld'];
}

/** Verification states. */
export type IdentityStatus = 'photos_required' | 'pending' | 'verified' | 'manual_review' | 'photo_rejected';

/** A stored identity photo. */
export interface PhotoRef {
  readonly key: string;
  readonly uploadedAt: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

/** One automatic comparison kept as evidence. */
export interface ComparisonEvidence {
  readonly source: IdentitySlot;
  readonly target: IdentitySlot;
  /** 0–100, or null when the comparison did not run to the end. */
  readonly similarity: number | null;
  readonly sourceFace: FaceBox | null;
  readonly targetFace: FaceBox | null;
  readonly outcome: 'compared' | 'no-face' | 'unavailable';
}

/** Why an identity is waiting for staff. */
export type ManualReason = 'disabled' | 'below_threshold' | 'unavailable' | 'daily_limit';

/** The identity verification state kept on the candidate. */
export interface IdentityState {
  readonly status: IdentityStatus;
  readonly photos: Partial<Record<IdentitySlot, PhotoRef>>;
  /** Why photos were rejected (by the face check or by staff), and which photo when known. */
  readonly rejection?: { readonly reason: string; readonly slot?: IdentitySlot; readonly by: 'system' | 'staff' };
  readonly manualReason?: ManualReason;
  /** Evidence of the last automatic check. */
  readonly evidence?: {
    readonly at: string;
    readonly threshold: number;
    readonly comparisons: readonly ComparisonEvidence[];
  };
  /** Automatic checks used on `day` (Beijing date, YYYY-MM-DD). */
  readonly autoChecks: { readonly day: string; readonly count: number };
  readonly submittedAt?: string;
  readonly decidedAt?: string;
  /** Staff id of a manual decision, or `system`. */
  readonly decidedBy?: string;
}

/** At most 3 automatic checks per candidate per day (SPEC §2.1). */
export const MAX_AUTO_CHECKS_PER_DAY = 3;

/** The initial identity state of a new account. */
export function initialIdentity(): IdentityState {
  return { status: 'photos_required', photos: {}, autoChecks: { day: '', count: 0 } };
}

/** The calendar day in China Standard Time (UTC+8, no daylight saving) of `now` (ms). */
export function beijingDay(now: number): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Records a newly stored photo.
 * @throws AppError INVALID_STATE when the identity is verified or waiting for staff (photos are frozen)
 */
export function withPhoto(
  identity: IdentityState,
  kind: CandidateKind,
  slot: IdentitySlot,
  photo: PhotoRef,
): IdentityState {
  assertPhotosEditable(identity, kind, slot);
  const photos = { ...identity.photos, [slot]: photo };
  const complete = requiredSlots(kind).every((s) => photos[s]);
  const { rejection: _r, manualReason: _m, ...rest } = identity;
  return { ...rest, photos, status: complete ? 'pending' : 'photos_required' };
}

/**
 * Checks that a photo of `slot` may be uploaded now.
 * @throws AppError INVALID_STATE (verified, or under manual review) or VALIDATION_FAILED (slot not needed)
 */
export function assertPhotosEditable(identity: IdentityState, kind: CandidateKind, slot: IdentitySlot): void {
  if (!requiredSlots(kind).includes(slot)) {
    throw new AppError('VALIDATION_FAILED', `在籍考生无需上传${SLOT_NAMES[slot]}。`, {
      fields: { slot: '无需上传该照片' },
    });
  }
  if (identity.status === 'verified') throw new AppError('INVALID_STATE', '身份已认证通过，照片不能再更改。');
  if (identity.status === 'manual_review')
    throw new AppError('INVALID_STATE', '身份信息正在人工审核中，审核完成前不能更改照片。');
}

/** What to do when a candidate asks for verification. */
export type VerificationPlan = { readonly mode: 'auto' } | { readonly mode: 'manual'; readonly reason: ManualReason };

/**
 * Decides how to verify: automatically while the face service is enabled and the day's checks are not
 * used up, otherwise by staff.
 * @throws AppError INVALID_STATE unless every required photo is present and not yet checked
 */
export function planVerification(identity: IdentityState, faceCompareEnabled: boolean, now: number): VerificationPlan {
  if (identity.status === 'verified') throw new AppError('INVALID_STATE', '身份已认证通过。');
  if (identity.status === 'manual_review') throw new AppError('INVALID_STATE', '身份信息已提交，正在人工审核中。');
  if (identity.status !== 'pending') throw new AppError('INVALID_STATE', '请先上传全部照片再提交认证。');
  if (!faceCompareEnabled) return { mode: 'manual', reason: 'disabled' };
  const used = identity.autoChecks.day === beijingDay(now) ? identity.autoChecks.count : 0;
  return used >= MAX_AUTO_CHECKS_PER_DAY ? { mode: 'manual', reason: 'daily_limit' } : { mode: 'auto' };
}

/** The face comparisons to run for a candidate: ID card face against the handheld photo (and the portrait). */
export function comparisonsFor(kind: CandidateKind): ReadonlyArray<{ source: IdentitySlot; target: IdentitySlot }> {
  const pairs: Array<{ source: IdentitySlot; target: IdentitySlot }> = [{ source: 'idCardFront', target: 'handheld' }];
  if (kind === 'new') pairs.push({ source: 'idCardFront', target: 'portrait' });
  return pairs;
}

/** One comparison's result as the verification use case hands it over. */
export type AutoCheckResult = ComparisonEvidence & { readonly reason?: string; readonly photo?: 'source' | 'target' };

/**
 * The state after an automatic check. Every pair at or above `threshold` → verified; a photo without a
 * usable face → photo rejected with the reason (re-upload allowed); otherwise → staff (never an
 * automatic rejection on a score alone, SPEC §2.1).
 */
export function afterAutoCheck(
  identity: IdentityState,
  results: ReadonlyArray<AutoCheckResult>,
  threshold: number,
  now: number,
): IdentityState {
  const at = new Date(now).toISOString();
  const day = beijingDay(now);
  const count = (identity.autoChecks.day === day ? identity.autoChecks.count : 0) + 1;
  const evidence = { at, threshold, comparisons: results.map(({ reason: _reason, photo: _photo, ...e }) => e) };
  const {
    rejection: _r,
    manualReason: _m,
    ...clean
  } = { ...identity, evidence, autoChecks: { day, count }, submittedAt: at };
  const noFace = results.find((r) => r.outcome === 'no-face');
  if (noFace) {
    const slot = noFace.photo === 'source' ? noFace.source : noFace.target;
    return {
      ...clean,
      status: 'photo_rejected',
      rejection: { reason: noFace.reason ?? '照片中未检测到人脸，请重新上传', slot, by: 'system' },
    };
  }
  if (results.some((r) => r.outcome === 'unavailable'))
    return { ...clean, status: 'manual_review', manualReason: 'unavailable' };
  if (results.every((r) => r.similarity !== null && r.similarity >= threshold)) {
    return { ...clean, status: 'verified', decidedAt: at, decidedBy: 'system' };
  }
  return { ...clean, status: 'manual_review', manualReason: 'below_threshold' };
}

/** The state when the check is handed to staff without an automatic comparison. */
export function toManualReview(identity: IdentityState, reason: ManualReason, now: number): IdentityState {
  const { rejection: _r, ...rest } = identity;
  return { ...rest, status: 'manual_review', manualReason: reason, submittedAt: new Date(now).toISOString() };
}

/**
 * A staff decision on an identity in manual review: verified, or photos rejected with a reason (the
 * candidate may upload again).
 * @throws AppError INVALID_STATE when the identity is not waiting for staff
 */
export function decideIdentityManually(
  identity: IdentityState,
  decision: { verdict: 'verified' | 'rejected'; reason?: string; slot?: IdentitySlot },
  staffId: string,
  now: number,
): IdentityState {
  if (identity.status !== 'manual_review')
    throw new AppError('INVALID_STATE', '该考生的身份信息不在人工审核中，可能已被其他工作人员处理。');
  const at = new Date(now).toISOString();
  const { manualReason: _m, rejection: _r, ...rest } = identity;
  if (decision.verdict === 'verified') return { ...rest, status: 'verified', decidedAt: at, decidedBy: staffId };
  return {
    ...rest,
    status: 'photo_rejected',
    decidedAt: at,
    decidedBy: staffId,
    rejection: {
      reason: decision.reason ?? '照片不符合要求',
      ...(decision.slot ? { slot: decision.slot } : {}),
      by: 'staff',
    },
  };
}

/** Personal information of the seed's 个人中心 (free-choice fields validated against profile-options). */
export interface CandidateProfile {
  readonly name: string;
  readonly gender: 'male' | 'female';
  /** ISO date, derived from the ID number. */
  readonly birthDate: string;
  readonly ethnicity: string;
  readonly hukouType: string;
  readonly education: string;
  readonly occupation: string;
  readonly politicalStatus: string;
  /** 11-digit mainland mobile number. */
  readonly mobile: string;
  readonly email?: string;
  /** 报名区县: the confirmation point of the candidate's registration district (also where staff verify by hand). */
  readonly pointId: string;
}

/** A candidate account as stored. `idNumber` is the normalised 18-character ID number. */
export interface Candidate {
  readonly candidateId: string;
  readonly kind: CandidateKind;
  readonly idNumber: string;
  /** 准考证号, present for enrolled candidates. */
  readonly ticketNumber?: string;
  /** Majors the roster lists for an enrolled candidate (codes), for the 停 rule. */
  readonly rosterMajors: readonly string[];
  readonly profile: CandidateProfile;
  readonly passwordHash: string;
  readonly identity: IdentityState;
  readonly createdAt: string;
  /** Optimistic-locking version, incremented by every update. */
  readonly version: number;
  /** Session version (see `SessionVersioned` in domain/session.ts); absent = 0. */
  readonly sessionVersion?: number;
}

/** A record of the roster of enrolled candidates (在籍考生名册), imported by admins. */
export interface RosterEntry {
  readonly idNumber: string;
  readonly name: string;
  readonly ticketNumber: string;
  /** Major codes the candidate is enrolled in. */
  readonly majors: readonly string[];
  /** Optional confirmation point of the candidate's district. */
  readonly pointId?: string;
}
