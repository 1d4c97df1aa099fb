/**
 * DTO mappers for candidates: the API never returns stored items. ID numbers and mobile numbers are
 * masked (SPEC §3); photo keys never leave the server.
 */
import type { z } from 'zod';
import type { Catalog } from '../domain/catalog/schema.js';
import type { IdentityReviewItem, IdentityView, MeView } from '../domain/identity/api.js';
import {
  beijingDay,
  MAX_AUTO_CHECKS_PER_DAY,
  requiredSlots,
  SLOT_NAMES,
  type Candidate,
  type IdentityState,
  type IdentityStatus,
} from '../domain/identity/candidate.js';
import { maskIdNumber } from '../domain/identity/id-number.js';
import { maskMobile } from '../domain/identity/person.js';
import { isWindowOpen } from '../domain/window.js';
import type { ApplicationWindow } from './ports.js';

/** Chinese wording of each identity status. */
export const IDENTITY_STATUS_TEXT: Record<IdentityStatus, string> = {
  photos_required: '待上传照片',
  pending: '照片已上传，待提交认证',
  verified: '认证通过',
  manual_review: '人工审核中',
  photo_rejected: '照片未通过，请重新上传',
};

/** The identity part of the candidate's own view. */
export function toIdentityView(c: Candidate, faceCompareEnabled: boolean, now: number): z.infer<typeof IdentityView> {
  const id: IdentityState = c.identity;
  const usedToday = id.autoChecks.day === beijingDay(now) ? id.autoChecks.count : 0;
  return {
    status: id.status,
    statusText: IDENTITY_STATUS_TEXT[id.status],
    photos: requiredSlots(c.kind).map((slot) => {
      const p = id.photos[slot];
      return {
        slot,
        name: SLOT_NAMES[slot],
        uploaded: Boolean(p),
        uploadedAt: p?.uploadedAt ?? null,
        width: p?.width ?? null,
        height: p?.height ?? null,
      };
    }),
    rejection: id.rejection ? { reason: id.rejection.reason, slot: id.rejection.slot ?? null } : null,
    faceCompareEnabled,
    autoChecksLeftToday: faceCompareEnabled ? Math.max(0, MAX_AUTO_CHECKS_PER_DAY - usedToday) : 0,
  };
}

/** Why a candidate may not apply for exemption now (empty when they may), SPEC §2.2. */
export function applyBlockers(c: Candidate, window: ApplicationWindow | null, now: number): string[] {
  const reasons: string[] = [];
  if (c.identity.status !== 'verified') reasons.push('身份尚未认证通过');
  if (!c.ticketNumber) reasons.push('免考申请仅限已取得准考证号的在籍考生');
  if (!isWindowOpen(window, now)) reasons.push('当前不在免考申请期间');
  return reasons;
}

/** The candidate's own view (`getMe`). */
export function toMeView(
  c: Candidate,
  ctx: { catalog: Catalog; window: ApplicationWindow | null; now: number; faceCompareEnabled: boolean },
): z.infer<typeof MeView> {
  const point = ctx.catalog.confirmationPoints.find((p) => p.id === c.profile.pointId);
  const reasons = applyBlockers(c, ctx.window, ctx.now);
  return {
    candidateId: c.candidateId,
    kind: c.kind,
    name: c.profile.name,
    idNumber: maskIdNumber(c.idNumber),
    ticketNumber: c.ticketNumber ?? null,
    gender: c.profile.gender === 'male' ? '男' : '女',
    birthDate: c.profile.birthDate,
    ethnicity: c.profile.ethnicity,
    hukouType: c.profile.hukouType,
    education: c.profile.education,
    occupation: c.profile.occupation,
    politicalStatus: c.profile.politicalStatus,
    mobile: maskMobile(c.profile.mobile),
    email: c.profile.email ?? null,
    point: point ? { id: point.id, name: point.name } : null,
    identity: toIdentityView(c, ctx.faceCompareEnabled, ctx.now),
    eligibility: { canApply: reasons.length === 0, reasons },
  };
}

/** A candidate as the staff identity-review queue lists it (ID number masked). */
export function toIdentityReviewItem(c: Candidate): z.infer<typeof IdentityReviewItem> {
  const sims = (c.identity.evidence?.comparisons ?? []).map((e) => e.similarity).filter((s): s is number => s !== null);
  return {
    candidateId: c.candidateId,
    name: c.profile.name,
    idNumber: maskIdNumber(c.idNumber),
    kind: c.kind,
    pointId: c.profile.pointId,
    submittedAt: c.identity.submittedAt ?? null,
    manualReason: c.identity.manualReason ?? null,
    similarity: sims.length ? Math.min(...sims) : null,
    version: c.version,
  };
}
