/**
 * A labelled field of the staff forms: label, optional hint and error tied to the control
 * (`aria-describedby`). The control itself is the child, given `id` and `describedBy` to wire up.
 */
import type { ReactNode } from 'react';

/** Ids of a field's hint and error, for the control's `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** One field: label above, hint, the control, error below. */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional ? <span className="field-optional">（选填）</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The error summary above a form (announced when it appears). */
export function FormAlert({ message, items = [] }: { message: string | null; items?: string[] }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{message}</p>
      {items.length ? (
        <ul className="notice-list">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
