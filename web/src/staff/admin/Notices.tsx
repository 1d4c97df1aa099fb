/** 通知公告 (/staff/admin/notices): publish a notice to candidates; the latest ones below. */
import { useCallback, useState, type FormEvent } from 'react';
import { isApiError } from '../../api';
import { Page } from '../../components/Page';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatDateTime } from '../../format';
import { describedBy, Field, FormError } from '../../components/Form';
import { staffApi } from '../staff-api';
import { useResource } from '../use-resource';

/** The notices page. */
export function Notices() {
  const notices = useResource(useCallback((signal: AbortSignal) => staffApi.listNotices(signal), []));
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPublished(null);
    const problems: Record<string, string> = {
      ...(title.trim() ? {} : { title: '请填写标题' }),
      ...(body.trim() ? {} : { body: '请填写内容' }),
    };
    setFields(problems);
    if (Object.keys(problems).length) {
      setError('请检查标出的项目。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const notice = await staffApi.publishNotice({ title: title.trim(), body: body.trim() });
      setPublished(`已发布：${notice.title}`);
      setTitle('');
      setBody('');
      notices.reload();
    } catch (e) {
      if (isApiError(e)) {
        setFields(e.fields);
        setError(e.message);
      } else setError('发布失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="通知公告" lead="发布后考生在首页可以看到。">
      <form className="form form-wide" onSubmit={submit} noValidate>
        <FormError message={error} />
        {published ? (
          <div className="notice notice-success" role="status">
            <p className="notice-title">{published}</p>
          </div>
        ) : null}
        <Field id="notice-title" label="标题" hint="不超过60字" error={fields.title}>
          <input
            className="input"
            id="notice-title"
            value={title}
            maxLength={60}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={fields.title ? true : undefined}
            aria-describedby={describedBy('notice-title', true, fields.title)}
          />
        </Field>
        <Field id="notice-body" label="内容" hint="不超过5000字" error={fields.body}>
          <textarea
            className="input textarea"
            id="notice-body"
            rows={8}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={fields.body ? true : undefined}
            aria-describedby={describedBy('notice-body', true, fields.body)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? '正在发布…' : '发布公告'}
        </button>
      </form>
      <section className="section" aria-labelledby="notices-heading">
        <h2 id="notices-heading">最近发布</h2>
        {notices.error ? <ErrorNotice error={notices.error} onRetry={notices.reload} /> : null}
        {!notices.data && !notices.error ? <Loading /> : null}
        {notices.data && notices.data.items.length === 0 ? <p className="empty">暂无公告</p> : null}
        {notices.data?.items.length ? (
          <ul className="notice-feed">
            {notices.data.items.map((n) => (
              <li key={n.noticeId}>
                <p className="notice-feed-title">{n.title}</p>
                <p className="muted">
                  {formatDateTime(n.publishedAt)}
                  {n.publishedBy ? ` · ${n.publishedBy}` : ''}
                </p>
                <p className="notice-feed-body">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}
