/**
 * Staff use cases of manual identity verification (SPEC §2.1, §2.3): the queue of a confirmation
 * point, and the decision (verified, or photos rejected with a reason). Staff of another point get 404.
 */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { DecideIdentityBody } from '../domain/identity/api.js';
import { decideIdentityManually, type Candidate } from '../domain/identity/candidate.js';
import { assertPointAccess } from '../domain/staff/staff.js';
import type { StaffSession } from '../domain/session.js';
import { toIdentityReviewItem } from './candidate-views.js';
import type { CandidateStore, Clock } from './ports.js';

/**
 * Lists identities waiting for staff at one point, oldest first, a page at a time.
 * @throws AppError NOT_FOUND (point outside the session's scope), BAD_REQUEST (cursor)
 */
export function makeListIdentityReviews(deps: { candidates: CandidateStore }) {
  return async (session: StaffSession, query: { pointId: string; limit: number; cursor?: string }) => {
    assertPointAccess(session, query.pointId);
    const page = await deps.candidates.listIdentityReviews(query.pointId, query.limit, query.cursor);
    return { items: page.items.map(toIdentityReviewItem), cursor: page.cursor ?? null };
  };
}

/**
 * Records a staff decision on one identity. `version` must be the version the staff member saw: two
 * staff deciding at once → one wins, the other gets 409.
 * @throws AppError NOT_FOUND, INVALID_STATE (not in review), VERSION_CONFLICT
 */
export function makeDecideIdentity(deps: { candidates: CandidateStore; clock: Clock }) {
  return async (
    session: StaffSession,
    candidateId: string,
    input: z.infer<typeof DecideIdentityBody>,
  ): Promise<Candidate> => {
    const c = await deps.candidates.get(candidateId);
    if (!c) throw new AppError('NOT_FOUND', '考生不存在。');
    assertPointAccess(session, c.profile.pointId);
    if (c.version !== input.version)
      throw new AppError('VERSION_CONFLICT', '该考生信息已被更新（可能已被其他工作人员处理），请刷新后查看。');
    const now = deps.clock.now();
    const identity = decideIdentityManually(
      c.identity,
      {
        verdict: input.verdict,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.slot ? { slot: input.slot } : {}),
      },
      session.staffId,
      now,
    );
    const updated: Candidate = { ...c, identity, version: c.version + 1 };
    await deps.candidates.update(updated, [
      {
        entityType: 'candidate',
        entityId: c.candidateId,
        action: 'identity.decided',
        actor: { kind: 'staff', id: session.staffId },
        at: new Date(now).toISOString(),
        before: { status: c.identity.status },
        after: { status: identity.status },
        ...(input.reason ? { note: input.reason } : {}),
      },
    ]);
    return updated;
  };
}
