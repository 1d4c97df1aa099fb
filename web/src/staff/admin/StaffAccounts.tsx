/**
 * 工作人员账户 (/staff/admin/accounts): every staff account; create one (确认点工作人员 scoped to
 * points, or 省级管理员 who sees all); per account: rename and re-scope, disable / enable, reset the
 * password. Each change sends the version the admin saw: if another admin changed the account first,
 * the server's message is shown and the list is loaded again.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError, type ApiError } from '../../api';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatDateTime } from '../../format';
import { pointName, useCatalog } from '../catalog';
import { describedBy, Field, FormError, splitFieldErrors } from '../../components/Form';
import { staffApi, type StaffAccountView } from '../staff-api';
import { useStaff } from '../staff-context';
import { useResource } from '../use-resource';

type Role = 'staff' | 'admin';

const ROLE_LABELS: Record<Role, string> = { staff: '确认点工作人员', admin: '省级管理员' };

/** 角色: 确认点工作人员 or 省级管理员. */
function RoleField({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <Field id={id} label="角色">
      <select id={id} className="input select" value={value} onChange={(e) => onChange(e.target.value as Role)}>
        <option value="staff">{ROLE_LABELS.staff}</option>
        <option value="admin">{ROLE_LABELS.admin}</option>
      </select>
    </Field>
  );
}

/** The points a staff member may be given, as checkboxes. */
function PointChoices({
  id,
  points,
  selected,
  onChange,
  error,
}: {
  id: string;
  points: ReadonlyArray<{ id: string; name: string }>;
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset
      className={error ? 'fieldset point-choices field-invalid' : 'fieldset point-choices'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>负责确认点</legend>
      <div className="checkbox-grid">
        {points.map((p) => (
          <label key={p.id} className="checkbox">
            <input
              type="checkbox"
              name={id}
              value={p.id}
              checked={selected.includes(p.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id))}
            />
            {p.name}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The staff accounts page. */
export function StaffAccounts() {
  const { staff: me } = useStaff();
  const catalog = useCatalog();
  const list = useResource(useCallback((signal: AbortSignal) => staffApi.listStaff(signal), []));
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const points = catalog.data?.confirmationPoints.map((p) => ({ id: p.id, name: p.name })) ?? [];
  const done = (text: string) => {
    setMessage({ kind: 'ok', text });
    setEditing(null);
    list.reload();
  };
  const failed = (error: ApiError) => {
    setMessage({ kind: 'error', text: error.message });
    if (error.code === 'VERSION_CONFLICT') list.reload();
  };

  return (
    <Page title="工作人员账户">
      {message ? (
        <div
          ref={messageRef}
          tabIndex={-1}
          className={message.kind === 'ok' ? 'notice notice-success' : 'notice notice-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
        >
          <p className="notice-title">{message.text}</p>
        </div>
      ) : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table accounts-table">
            <caption className="visually-hidden">工作人员账户列表</caption>
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">负责确认点</th>
                <th scope="col">状态</th>
                <th scope="col">创建时间</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((account) => (
                <AccountRow
                  key={account.username}
                  account={account}
                  self={account.username === me.username}
                  editing={editing === account.username}
                  onEdit={() => setEditing(editing === account.username ? null : account.username)}
                  pointLabel={(id) => pointName(catalog.data, id)}
                  points={points}
                  onDone={done}
                  onFailed={failed}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CreateForm
        points={points}
        onCreated={(account) => done(`已创建账户 ${account.username}（${account.displayName}）。`)}
      />
    </Page>
  );
}

function AccountRow({
  account,
  self,
  editing,
  onEdit,
  pointLabel,
  points,
  onDone,
  onFailed,
}: {
  account: StaffAccountView;
  self: boolean;
  editing: boolean;
  onEdit: () => void;
  pointLabel: (id: string) => string;
  points: ReadonlyArray<{ id: string; name: string }>;
  onDone: (text: string) => void;
  onFailed: (error: ApiError) => void;
}) {
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await staffApi.updateStaff(account.username, { disabled: !account.disabled, version: account.version });
      onDone(`账户 ${account.username} 已${account.disabled ? '启用' : '停用'}。`);
    } catch (e) {
      if (isApiError(e)) onFailed(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr className={account.disabled ? 'row-disabled' : undefined}>
        <td className="mono">{account.username}</td>
        <td>{account.displayName}</td>
        <td>{ROLE_LABELS[account.role]}</td>
        <td>{account.role === 'admin' ? '全部' : account.points.map(pointLabel).join('、') || '—'}</td>
        <td>
          {account.disabled ? (
            <span className="badge badge-stop">已停用</span>
          ) : (
            <span className="badge badge-open">正常</span>
          )}
        </td>
        <td className="nowrap">{formatDateTime(account.createdAt) ?? '—'}</td>
        <td>
          <div className="row-actions">
            <button
              type="button"
              className="button button-small"
              onClick={onEdit}
              aria-expanded={editing}
              aria-label={`修改 ${account.username}`}
            >
              修改
            </button>
            {self ? null : (
              <button
                type="button"
                className="button button-small"
                onClick={toggle}
                disabled={busy}
                aria-label={`${account.disabled ? '启用' : '停用'} ${account.username}`}
              >
                {account.disabled ? '启用' : '停用'}
              </button>
            )}
          </div>
        </td>
      </tr>
      {editing ? (
        <tr className="row-editor">
          <td colSpan={7}>
            <EditForm account={account} self={self} points={points} onDone={onDone} onFailed={onFailed} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function EditForm({
  account,
  self,
  points,
  onDone,
  onFailed,
}: {
  account: StaffAccountView;
  self: boolean;
  points: ReadonlyArray<{ id: string; name: string }>;
  onDone: (text: string) => void;
  onFailed: (error: ApiError) => void;
}) {
  const prefix = `edit-${account.username}`;
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<Role>(account.role);
  const [selected, setSelected] = useState<string[]>(account.points);
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!displayName.trim()) problems.displayName = '请填写姓名';
    if (role === 'staff' && selected.length === 0) problems.points = '至少选择一个确认点';
    if (password && (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)))
      problems.password = '新密码至少8位，须包含字母和数字';
    setFields(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await staffApi.updateStaff(account.username, {
        displayName: displayName.trim(),
        ...(self ? {} : { role }),
        ...(role === 'staff' ? { points: selected } : {}),
        ...(password ? { password } : {}),
        version: account.version,
      });
      onDone(`账户 ${account.username} 已保存${password ? '，密码已重置' : ''}。`);
    } catch (e) {
      setBusy(false);
      if (isApiError(e)) {
        setFields(e.fields);
        onFailed(e);
      }
    }
  };

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label={`修改账户 ${account.username}`}>
      <div className="form-grid">
        <Field id={`${prefix}-name`} label="姓名" error={fields.displayName}>
          <input
            className="input"
            id={`${prefix}-name`}
            value={displayName}
            maxLength={30}
            onChange={(e) => setDisplayName(e.target.value)}
            aria-describedby={describedBy(`${prefix}-name`, null, fields.displayName)}
          />
        </Field>
        {self ? null : <RoleField id={`${prefix}-role`} value={role} onChange={setRole} />}
        <Field
          id={`${prefix}-password`}
          label="重置密码"
          optional
          hint="留空则不修改；至少8位，包含字母和数字。请当面或电话告知本人。"
          error={fields.password}
        >
          <input
            className="input"
            id={`${prefix}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={describedBy(`${prefix}-password`, true, fields.password)}
          />
        </Field>
      </div>
      {role === 'staff' ? (
        <PointChoices
          id={`${prefix}-points`}
          points={points}
          selected={selected}
          onChange={setSelected}
          error={fields.points}
        />
      ) : (
        <p className="muted">省级管理员可查看和审核全部确认点。</p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? '正在保存…' : '保存修改'}
      </button>
    </form>
  );
}

const CREATE_INPUTS = ['username', 'displayName', 'role', 'points', 'password'] as const;

function CreateForm({
  points,
  onCreated,
}: {
  points: ReadonlyArray<{ id: string; name: string }>;
  onCreated: (account: StaffAccountView) => void;
}) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [selected, setSelected] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; items: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^[a-z][a-z0-9._-]{2,31}$/.test(username.trim().toLowerCase()))
      problems.username = '用户名应为3至32位小写字母、数字或 . _ -，以字母开头';
    if (!displayName.trim()) problems.displayName = '请填写姓名';
    if (role === 'staff' && selected.length === 0) problems.points = '至少选择一个确认点';
    if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password))
      problems.password = '初始密码至少8位，须包含字母和数字';
    setFields(problems);
    if (Object.keys(problems).length) {
      setError({ message: '请检查标出的项目。', items: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const account = await staffApi.createStaff({
        username: username.trim().toLowerCase(),
        displayName: displayName.trim(),
        role,
        points: role === 'staff' ? selected : [],
        password,
      });
      setUsername('');
      setDisplayName('');
      setSelected([]);
      setPassword('');
      onCreated(account);
    } catch (e) {
      if (isApiError(e)) {
        setFields(e.fields);
        setError({ message: e.message, items: splitFieldErrors(e, CREATE_INPUTS).extra });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="create-heading">
      <h2 id="create-heading">新建账户</h2>
      <form onSubmit={submit} noValidate>
        <FormError message={error?.message ?? null} extra={error?.items} />
        <div className="form-grid">
          <Field
            id="new-username"
            label="用户名"
            hint="3至32位小写字母、数字或 . _ -，以字母开头"
            error={fields.username}
          >
            <input
              className="input"
              id="new-username"
              value={username}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={fields.username ? true : undefined}
              aria-describedby={describedBy('new-username', true, fields.username)}
            />
          </Field>
          <Field id="new-name" label="姓名" error={fields.displayName}>
            <input
              className="input"
              id="new-name"
              value={displayName}
              maxLength={30}
              onChange={(e) => setDisplayName(e.target.value)}
              aria-invalid={fields.displayName ? true : undefined}
              aria-describedby={describedBy('new-name', null, fields.displayName)}
            />
          </Field>
          <RoleField id="new-role" value={role} onChange={setRole} />
          <Field id="new-password" label="初始密码" hint="至少8位，包含字母和数字" error={fields.password}>
            <input
              className="input"
              id="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fields.password ? true : undefined}
              aria-describedby={describedBy('new-password', true, fields.password)}
            />
          </Field>
        </div>
        {role === 'staff' ? (
          <PointChoices
            id="new-points"
            points={points}
            selected={selected}
            onChange={setSelected}
            error={fields.points}
          />
        ) : (
          <p className="muted">省级管理员可查看和审核全部确认点，并管理账户与系统设置。</p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? '正在创建…' : '创建账户'}
        </button>
      </form>
    </section>
  );
}
