/**
 * 免考申请期间 (/staff/admin/window): two date-time inputs in Beijing time, whatever the admin's
 * computer is set to, sent as ISO instants with `+08:00`.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, isApiError } from '../../api';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatDateTime } from '../../format';
import { forgetCatalog } from '../catalog';
import { describedBy, Field, FormError } from '../../components/Form';
import { staffApi, type WindowView } from '../staff-api';
import { useResource } from '../use-resource';

const BEIJING_MS = 8 * 60 * 60 * 1000;

/** An ISO instant → `YYYY-MM-DDTHH:mm` in Beijing time (the value of a datetime-local input). */
export function toBeijingInput(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 16);
}

/** A datetime-local value (Beijing time) → ISO 8601 with `+08:00`, or null when incomplete. */
export function fromBeijingInput(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : null;
}

/** The application window page. */
export function WindowSettings() {
  const current = useResource(useCallback((signal: AbortSignal) => api.getCatalog(signal), []));
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [newPeriod, setNewPeriod] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<WindowView | null>(null);
  const [busy, setBusy] = useState(false);

  // The window as last known: first from the catalog, then from the save's answer. Not re-read from
  // `GET /api/catalog` after saving: that answer may be cached for a minute (browsers and CloudFront).
  const [win, setWin] = useState<WindowView | null>(null);
  const loaded = current.data?.window;
  const filled = useRef(false);
  useEffect(() => {
    if (!loaded || filled.current) return;
    filled.current = true;
    setWin(loaded);
    // Unless the admin already started typing.
    setOpensAt((typed) => typed || toBeijingInput(loaded.opensAt));
    setClosesAt((typed) => typed || toBeijingInput(loaded.closesAt));
  }, [loaded]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const opens = fromBeijingInput(opensAt);
    const closes = fromBeijingInput(closesAt);
    const problems: Record<string, string> = {
      ...(opens ? {} : { opensAt: '请填写开始时间' }),
      ...(closes ? {} : { closesAt: '请填写结束时间' }),
    };
    if (opens && closes && Date.parse(opens) >= Date.parse(closes)) problems.closesAt = '结束时间应晚于开始时间';
    setFields(problems);
    if (Object.keys(problems).length || !opens || !closes) {
      setError('请检查标出的项目。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await staffApi.setWindow({
        opensAt: opens,
        closesAt: closes,
        ...(newPeriod ? { newPeriod } : {}),
      });
      setNewPeriod(false);
      setSaved(answer);
      setWin(answer);
      forgetCatalog();
    } catch (e) {
      if (isApiError(e)) {
        setFields(e.fields);
        setError(e.message);
      } else setError('保存失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="免考申请期间" lead="申请期间内考生可以填写和提交免考申请；期间外只能查看。时间均为北京时间。">
      {current.error ? <ErrorNotice error={current.error} onRetry={current.reload} /> : null}
      {!current.data && !current.error ? <Loading /> : null}
      {win ? (
        <p>
          当前设置：
          {win.opensAt && win.closesAt ? `${formatDateTime(win.opensAt)} 至 ${formatDateTime(win.closesAt)}` : '未设置'}
          {win.open ? (
            <span className="badge badge-open">开放中</span>
          ) : (
            <span className="badge badge-muted">未开放</span>
          )}
        </p>
      ) : null}
      <form className="form form-narrow" onSubmit={submit} noValidate>
        <FormError message={error} />
        <Field id="window-opens" label="开始时间（北京时间）" error={fields.opensAt}>
          <input
            className="input"
            id="window-opens"
            type="datetime-local"
            value={opensAt}
            onChange={(e) => setOpensAt(e.target.value)}
            aria-invalid={fields.opensAt ? true : undefined}
            aria-describedby={describedBy('window-opens', null, fields.opensAt)}
          />
        </Field>
        <Field id="window-closes" label="结束时间（北京时间）" error={fields.closesAt}>
          <input
            className="input"
            id="window-closes"
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            aria-invalid={fields.closesAt ? true : undefined}
            aria-describedby={describedBy('window-closes', null, fields.closesAt)}
          />
        </Field>
        <label className="check">
          <input type="checkbox" checked={newPeriod} onChange={(e) => setNewPeriod(e.target.checked)} />{' '}
          开始新一期免考申请（不勾选时只修改本期的起止时间，已有申请保持不变；勾选后考生可在新一期重新申请）
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? '正在保存…' : '保存申请期间'}
        </button>
      </form>
      {saved ? (
        <div className="notice notice-success" role="status">
          <p className="notice-title">已保存</p>
          <p>
            免考申请期间：{formatDateTime(saved.opensAt)} 至 {formatDateTime(saved.closesAt)}（
            {saved.open ? '现在开放中' : '现在未开放'}）
          </p>
        </div>
      ) : null}
    </Page>
  );
}
