/**
 * Use cases of candidate accounts (SPEC §2.1, seed §二): registration of new candidates, activation
 * of enrolled candidates against the roster, login with lockout, password change.
 */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { ActivateBody, ChangePasswordBody, LoginBody, RegisterBody } from '../domain/identity/api.js';
import { initialIdentity, type Candidate } from '../domain/identity/candidate.js';
import { normalizeIdNumber, parseIdNumber } from '../domain/identity/id-number.js';
import { hashPassword, verifyPassword } from '../domain/identity/password-hash.js';
import { normalizeTicketNumber } from '../domain/identity/person.js';
import { assertNotLocked, LOCK_AFTER_FAILURES, LOCK_SECONDS, lockedError } from '../domain/login-guard.js';
import type { AuditEntry, CandidateStore, CatalogStore, Clock, Ids, RosterStore } from './ports.js';

/** Ports of the account use cases. */
export interface AccountDeps {
  readonly candidates: CandidateStore;
  readonly roster: RosterStore;
  readonly catalogs: CatalogStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The ticket-number pattern (configuration, default 12 digits). */
  readonly ticketPattern: RegExp;
}

const BAD_CREDENTIALS = () => new AppError('INVALID_CREDENTIALS', '账号或密码错误。');

function audit(c: Candidate, action: string, at: string, after?: unknown): AuditEntry {
  return {
    entityType: 'candidate',
    entityId: c.candidateId,
    action,
    actor: { kind: 'candidate', id: c.candidateId },
    at,
    ...(after ? { after } : {}),
  };
}

/**
 * Registers a new candidate (新考生).
 * Primary course: refuse an ID number already on the roster (they must activate instead) → check the
 * point exists → derive gender and birth date from the ID number → hash the password → create the
 * account and claim the ID number in one transaction.
 * @throws AppError ALREADY_EXISTS (ID number registered, also under concurrency), VALIDATION_FAILED
 */
export function makeRegisterCandidate(deps: AccountDeps) {
  return async (input: z.infer<typeof RegisterBody>): Promise<Candidate> => {
    const catalog = await deps.catalogs.getCatalog();
    if (!catalog.confirmationPoints.some((p) => p.id === input.pointId)) {
      throw new AppError('VALIDATION_FAILED', '提交的信息有误，请按提示修改后重试。', {
        fields: { pointId: '请选择报名考区' },
      });
    }
    if (await deps.roster.get(input.idNumber)) {
      throw new AppError('ALREADY_EXISTS', '您已是在籍考生，请选择“我是在籍考生”完成认证。', {
        fields: { idNumber: '在籍考生请走在籍考生认证' },
      });
    }
    const facts = parseIdNumber(input.idNumber);
    if (!facts.ok)
      throw new AppError('VALIDATION_FAILED', '身份证号不正确。', { fields: { idNumber: '身份证号不正确' } });
    const now = deps.clock.now();
    const candidate: Candidate = {
      candidateId: deps.ids.newId(),
      kind: 'new',
      idNumber: input.idNumber,
      rosterMajors: [],
      profile: {
        name: input.name,
        gender: facts.value.gender,
        birthDate: facts.value.birthDate,
        ethnicity: input.ethnicity,
        hukouType: input.hukouType,
        education: input.education,
        occupation: input.occupation,
        politicalStatus: input.politicalStatus,
        mobile: input.mobile,
        ...(input.email ? { email: input.email } : {}),
        pointId: input.pointId,
      },
      passwordHash: await hashPassword(input.password),
      identity: initialIdentity(),
      createdAt: new Date(now).toISOString(),
      version: 1,
    };
    await deps.candidates.create(candidate);
    return candidate;
  };
}

/**
 * Activates an enrolled candidate (在籍考生): ID number + name matched against the roster, then the
 * password and mobile are set and the ticket number is linked.
 * @throws AppError ROSTER_NOT_FOUND (no such roster record, or the name differs), ALREADY_EXISTS
 */
export function makeActivateCandidate(deps: AccountDeps) {
  return async (input: z.infer<typeof ActivateBody>): Promise<Candidate> => {
    const entry = await deps.roster.get(input.idNumber);
    if (!entry || entry.name !== input.name) {
      throw new AppError(
        'ROSTER_NOT_FOUND',
        '未找到与该身份证号和姓名相符的在籍考生记录，请核对；信息有误的请联系免考确认点办理。',
      );
    }
    const facts = parseIdNumber(input.idNumber);
    if (!facts.ok)
      throw new AppError('VALIDATION_FAILED', '身份证号不正确。', { fields: { idNumber: '身份证号不正确' } });
    const catalog = await deps.catalogs.getCatalog();
    const pointId =
      entry.pointId && catalog.confirmationPoints.some((p) => p.id === entry.pointId)
        ? entry.pointId
        : catalog.confirmationPoints[0]!.id;
    const now = deps.clock.now();
    const candidate: Candidate = {
      candidateId: deps.ids.newId(),
      kind: 'enrolled',
      idNumber: input.idNumber,
      ticketNumber: entry.ticketNumber,
      rosterMajors: [...entry.majors],
      profile: {
        name: entry.name,
        gender: facts.value.gender,
        birthDate: facts.value.birthDate,
        ethnicity: '',
        hukouType: '',
        education: '',
        occupation: '',
        politicalStatus: '',
        mobile: input.mobile,
        ...(input.email ? { email: input.email } : {}),
        pointId,
      },
      passwordHash: await hashPassword(input.password),
      identity: initialIdentity(),
      createdAt: new Date(now).toISOString(),
      version: 1,
    };
    try {
      await deps.candidates.create(candidate);
    } catch (e) {
      // Only the ID number's claim means "already activated"; a taken ticket number keeps its own message.
      if (e instanceof AppError && e.code === 'ALREADY_EXISTS' && e.fields?.idNumber === '该身份证号已注册') {
        throw new AppError(
          'ALREADY_EXISTS',
          '该在籍考生已完成认证，请直接登录；如忘记密码，请携带身份证到免考确认点办理。',
          { fields: e.fields ?? {} },
        );
      }
      throw e;
    }
    return candidate;
  };
}

/**
 * Candidate login by ID number or ticket number + password (SPEC §2.1). The failure message is the same
 * whether the account exists or not; 5 failures lock the account for 15 minutes.
 * @throws AppError INVALID_CREDENTIALS, ACCOUNT_LOCKED
 */
export function makeLogin(deps: AccountDeps) {
  return async (input: z.infer<typeof LoginBody>): Promise<Candidate> => {
    const now = deps.clock.now();
    const normalized = normalizeIdNumber(input.account);
    let candidateId: string | null = null;
    const id = parseIdNumber(normalized);
    if (id.ok) candidateId = await deps.candidates.findIdByLogin('idNumber', id.value.idNumber);
    else {
      const ticket = normalizeTicketNumber(input.account, deps.ticketPattern);
      if (ticket) candidateId = await deps.candidates.findIdByLogin('ticketNumber', ticket);
    }
    const candidate = candidateId ? await deps.candidates.get(candidateId) : null;
    if (candidate) assertNotLocked(await deps.candidates.lockedUntil(candidate.candidateId), now);
    const ok = await verifyPassword(input.password, candidate?.passwordHash);
    if (!candidate) throw BAD_CREDENTIALS();
    if (!ok) {
      const lockedUntil = await deps.candidates.recordLoginFailure(
        candidate.candidateId,
        now,
        LOCK_AFTER_FAILURES,
        LOCK_SECONDS,
      );
      if (lockedUntil) throw lockedError(lockedUntil);
      throw BAD_CREDENTIALS();
    }
    await deps.candidates.clearLoginFailures(candidate.candidateId);
    return candidate;
  };
}

/**
 * Changes the password of the signed-in candidate after checking the current one, and ends every
 * other session of the account.
 * @returns the account's new session version (for the caller's renewed cookie)
 * @throws AppError INVALID_CREDENTIALS (current password wrong), VERSION_CONFLICT, NOT_FOUND
 */
export function makeChangePassword(deps: Pick<AccountDeps, 'candidates' | 'clock'>) {
  return async (candidateId: string, input: z.infer<typeof ChangePasswordBody>): Promise<number> => {
    const candidate = await deps.candidates.get(candidateId);
    if (!candidate) throw new AppError('NOT_FOUND', '账户不存在。');
    if (!(await verifyPassword(input.currentPassword, candidate.passwordHash))) {
      throw new AppError('INVALID_CREDENTIALS', '原密码不正确。', { fields: { currentPassword: '原密码不正确' } });
    }
    const at = new Date(deps.clock.now()).toISOString();
    await deps.candidates.update(
      { ...candidate, passwordHash: await hashPassword(input.newPassword), version: candidate.version + 1 },
      [audit(candidate, 'password.changed', at)],
    );
    return deps.candidates.bumpSessionVersion(candidateId);
  };
}
