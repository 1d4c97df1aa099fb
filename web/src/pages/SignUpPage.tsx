/**
 * The page around both ways to a first password (seed §二): 新考生注册 and 在籍考生认证. What the
 * photos are (folded), where the other way is, the form with its error summary and submit button, and
 * the way to the login for those who have a password already.
 */
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { FormError } from '../components/Form';
import { Page } from '../components/Page';
import type { FormSummary } from '../components/use-text-form';

/**
 * A sign-up page.
 * @param about The folded guide: its summary line and content (Start's card of this way).
 * @param other The note pointing to the other way.
 * @param loginPrompt Before the 考生登录 link, e.g. 已注册？
 * @param describedBy Id of a note inside the form that describes all of it.
 * @param children The form's inputs (after the error summary).
 */
export function SignUpPage({
  title,
  lead,
  about,
  other,
  onSubmit,
  busy,
  summary,
  submitLabel,
  describedBy,
  loginPrompt,
  children,
}: {
  title: string;
  lead: string;
  about: { summary: string; content: ReactNode };
  other: ReactNode;
  onSubmit: (event: FormEvent) => void;
  busy: boolean;
  summary: FormSummary | null;
  submitLabel: string;
  describedBy?: string;
  loginPrompt: string;
  children: ReactNode;
}) {
  return (
    <Page title={title} lead={lead}>
      <div className="narrow">
        <details className="section details">
          <summary>{about.summary}</summary>
          {about.content}
        </details>
        <p className="note">{other}</p>
        <form className="form" onSubmit={onSubmit} noValidate aria-describedby={describedBy}>
          <FormError message={summary?.message ?? null} extra={summary?.extra} />
          {children}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? '正在提交…' : submitLabel}
          </button>
        </form>
        <p className="form-links">
          {loginPrompt}
          <Link to="/login">考生登录</Link>
        </p>
      </div>
    </Page>
  );
}
