/**
 * Admin use cases (省级管理员, SPEC §2.3): staff accounts, roster import, application window, notices,
 * catalog import. Every change is audited.
 */
import type { z } from 'zod';
import type { CreateStaffBody, NoticeBody, UpdateStaffBody, WindowBody } from '../domain/admin/api.js';
import { parseRosterCsv } from '../domain/admin/roster-csv.js';
import { Catalog } from '../domain/catalog/schema.js';
import { catalogProblems } from '../domain/catalog/validate.js';
import { AppError } from '../domain/errors.js';
import { isWindowOpen, nextWindowId } from '../domain/window.js';
import { hashPassword } from '../domain/identity/password-hash.js';
import type { StaffSession } from '../domain/session.js';
import type { StaffAccount } from '../domain/staff/staff.js';
import type { AdminStore, AuditEntry, CatalogStore, Clock, Ids, StaffStore } from './ports.js';
import { makeCreateStaff, toStaffView } from './staff-accounts.js';

/** Ports of the admin use cases. */
export interface AdminDeps {
  readonly admin: AdminStore;
  readonly staff: StaffStore;
  readonly catalogs: CatalogStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly ticketPattern: RegExp;
}

function actor(session: StaffSession) {
  return { kind: 'staff' as const, id: session.staffId };
}

/** A staff account as admins see it. */
export function toStaffAccountView(a: StaffAccount) {
  return { ...toStaffView(a), createdAt: a.createdAt, version: a.version };
}

async function assertPointsExist(catalogs: CatalogStore, points: readonly string[]): Promise<void> {
  const known = new Set((await catalogs.getCatalog()).confirmationPoints.map((p) => p.id));
  const unknown = points.filter((p) => !known.has(p));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', `确认点不存在：${unknown.join('、')}`, {
      fields: { points: '确认点不存在' },
    });
}

/** `listStaff`: every account, by username. */
export function makeListStaff(deps: Pick<AdminDeps, 'admin'>) {
  return async () => ({ items: (await deps.admin.listStaff()).map(toStaffAccountView) });
}

/** `createStaff`. @throws AppError VALIDATION_FAILED, ALREADY_EXISTS */
export function makeAdminCreateStaff(deps: Pick<AdminDeps, 'staff' | 'catalogs' | 'clock'>) {
  const create = makeCreateStaff(deps);
  return async (session: StaffSession, input: z.infer<typeof CreateStaffBody>) => {
    await assertPointsExist(deps.catalogs, input.points);
    return toStaffAccountView(await create(input, actor(session)));
  };
}

/**
 * `updateStaff`: re-scope, disable or enable, rename, reset the password. An admin cannot disable or
 * demote their own account (so the last admin cannot lock everyone out by accident).
 * @throws AppError NOT_FOUND, VALIDATION_FAILED, FORBIDDEN, VERSION_CONFLICT
 */
export function makeUpdateStaff(deps: Pick<AdminDeps, 'staff' | 'catalogs' | 'clock'>) {
  return async (session: StaffSession, username: string, input: z.infer<typeof UpdateStaffBody>) => {
    const account = await deps.staff.get(username);
    if (!account) throw new AppError('NOT_FOUND', '账户不存在。');
    if (account.version !== input.version)
      throw new AppError('VERSION_CONFLICT', '账户信息已被其他管理员修改，请刷新后重试。');
    if (username === session.staffId && (input.disabled === true || input.role === 'staff')) {
      throw new AppError('FORBIDDEN', '不能停用或降级自己的管理员账户。');
    }
    if (input.points) await assertPointsExist(deps.catalogs, input.points);
    const role = input.role ?? account.role;
    const points = role === 'admin' ? [] : (input.points ?? account.points);
    if (role === 'staff' && points.length === 0)
      throw new AppError('VALIDATION_FAILED', '工作人员至少负责一个确认点。', {
        fields: { points: '至少选择一个确认点' },
      });
    const updated: StaffAccount = {
      ...account,
      displayName: input.displayName ?? account.displayName,
      role,
      points,
      disabled: input.disabled ?? account.disabled,
      passwordHash: input.password ? await hashPassword(input.password) : account.passwordHash,
      version: account.version + 1,
    };
    const at = new Date(deps.clock.now()).toISOString();
    await deps.staff.update(updated, [
      {
        entityType: 'staff',
        entityId: username,
        action: 'staff.updated',
        actor: actor(session),
        at,
        before: toStaffView(account),
        after: { ...toStaffView(updated), ...(input.password ? { passwordReset: true } : {}) },
      },
    ]);
    // A password reset ends the account's sessions (a disabled account is refused anyway).
    if (input.password) await deps.staff.bumpSessionVersion(username);
    return toStaffAccountView(updated);
  };
}

/**
 * `importRoster`: validates every row, writes the good ones (re-import overwrites the same ID
 * numbers: idempotent), reports the bad ones with line numbers and reasons.
 */
export function makeImportRoster(deps: Pick<AdminDeps, 'admin' | 'catalogs' | 'clock' | 'ticketPattern'>) {
  return async (session: StaffSession, csv: string) => {
    const now = deps.clock.now();
    const result = parseRosterCsv(csv, await deps.catalogs.getCatalog(), deps.ticketPattern, new Date(now));
    const audit: AuditEntry = {
      entityType: 'config',
      entityId: 'roster',
      action: 'roster.imported',
      actor: actor(session),
      at: new Date(now).toISOString(),
      after: { accepted: result.entries.length, rejected: result.rejected.length },
    };
    if (result.entries.length) await deps.admin.putRoster(result.entries, audit);
    return { accepted: result.entries.length, rejected: result.rejected };
  };
}

/**
 * `setApplicationWindow`: opens and closes the 免考申请期间. Changing the dates keeps the current
 * period and its applications; `newPeriod: true` starts the next period (each candidate may then apply
 * once more).
 */
export function makeSetWindow(deps: Pick<AdminDeps, 'catalogs' | 'clock'>) {
  return async (session: StaffSession, input: z.infer<typeof WindowBody>) => {
    const at = new Date(deps.clock.now()).toISOString();
    const before = await deps.catalogs.getWindow();
    const opensAt = new Date(input.opensAt).toISOString();
    const window = {
      opensAt,
      closesAt: new Date(input.closesAt).toISOString(),
      id: nextWindowId(before, opensAt, input.newPeriod === true),
    };
    await deps.catalogs.putWindow(
      window,
      { at, by: session.staffId },
      {
        entityType: 'config',
        entityId: 'window',
        action: 'window.set',
        actor: actor(session),
        at,
        before,
        after: window,
      },
    );
    const now = deps.clock.now();
    return { opensAt: window.opensAt, closesAt: window.closesAt, open: isWindowOpen(window, now) };
  };
}

/** `publishNotice`: a notice (通知公告) shown to candidates. */
export function makePublishNotice(deps: Pick<AdminDeps, 'admin' | 'clock' | 'ids'>) {
  return async (session: StaffSession, input: z.infer<typeof NoticeBody>) => {
    const at = new Date(deps.clock.now()).toISOString();
    const notice = {
      noticeId: deps.ids.newId(),
      title: input.title,
      body: input.body,
      publishedAt: at,
      publishedBy: session.staffId,
    };
    await deps.admin.publishNotice(notice, {
      entityType: 'config',
      entityId: 'notices',
      action: 'notice.published',
      actor: actor(session),
      at,
      after: { noticeId: notice.noticeId, title: notice.title },
    });
    return notice;
  };
}

/**
 * `importCatalog`: validates the whole catalog (schema and cross-references) before it replaces
 * anything; refused with every problem listed.
 * @throws AppError VALIDATION_FAILED
 */
export function makeImportCatalog(deps: Pick<AdminDeps, 'catalogs' | 'clock'>) {
  return async (session: StaffSession, input: unknown) => {
    const parsed = Catalog.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues.slice(0, 50)) {
        fields[issue.path.join('.') || 'catalog'] = /[\u4e00-\u9fff]/u.test(issue.message)
          ? issue.message
          : '缺失或格式不正确';
      }
      throw new AppError('VALIDATION_FAILED', '专业目录格式不正确，未作任何更改。', { fields });
    }
    const problems = catalogProblems(parsed.data);
    // Confirmation points are referenced by candidates, staff scopes and applications: rename, never remove.
    const before = await deps.catalogs.getCatalog();
    const kept = new Set(parsed.data.confirmationPoints.map((p) => p.id));
    for (const p of before.confirmationPoints) {
      if (!kept.has(p.id))
        problems.push(`confirmationPoints.${p.id}: 不能删除已有的确认点（${p.name}），可修改其名称、地址和电话`);
    }
    if (problems.length) {
      throw new AppError('VALIDATION_FAILED', '专业目录存在错误，未作任何更改。', {
        fields: Object.fromEntries(
          problems.slice(0, 50).map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1).trim()]),
        ),
      });
    }
    const catalog = parsed.data;
    const at = new Date(deps.clock.now()).toISOString();
    await deps.catalogs.putCatalog(
      catalog,
      { at, by: session.staffId },
      {
        entityType: 'config',
        entityId: 'catalog',
        action: 'catalog.imported',
        actor: actor(session),
        at,
        before: { version: before.version },
        after: { version: catalog.version },
      },
    );
    return {
      version: catalog.version,
      majors: catalog.majors.length,
      courses: catalog.courses.length,
      certificateTypes: catalog.certificateTypes.length,
      exemptionRules: catalog.exemptionRules.length,
      confirmationPoints: catalog.confirmationPoints.length,
    };
  };
}

/** `listNotices`: the newest 20 notices (通知公告), public. */
export function makeListNotices(deps: Pick<AdminDeps, 'admin'>) {
  // Staff usernames are not public: the list leaves out who published.
  return async () => ({ items: (await deps.admin.listNotices(20)).map(({ publishedBy: _by, ...notice }) => notice) });
}
