/**
 * Form building blocks of the candidate and staff pages: labelled fields whose hint and error are
 * tied to the input (`aria-describedby`, `aria-invalid`), and the error summary shown above a form.
 * Errors come from the page's own checks and from the API's `fields` (same keys as the request body).
 */
import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute, ReactNode } from 'react';
import type { ApiError } from '../api';

/** Per-field messages, keyed by the request body's field names. */
export type FieldErrors = Partial<Record<string, string>>;

/** Ids of a field's hint and error (when present), for the control's `aria-describedby`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * One field: label above, hint, the control, error below. The control is the child: give it `id` and
 * `aria-describedby={describedBy(id, hint, error)}` (TextField and SelectField do; the staff forms wire
 * their own controls).
 */
export function Field({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  optional?: boolean | undefined;
  hint?: ReactNode;
  error?: string | undefined;
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

/** A labelled text input. `id` is also its `name` and the key of its error. */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  optional,
  type = 'text',
  autoComplete,
  inputMode,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  type?: HTMLInputTypeAttribute;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
}) {
  return (
    <Field id={id} label={label} optional={optional} hint={hint} error={error}>
      <input
        className="input"
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        // Phones must not "correct" ID numbers, names or passwords.
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
      />
    </Field>
  );
}

/** A labelled drop-down with a 请选择 first option (value ''). */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<string | { value: string; label: string }>;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        className="input select"
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        <option value="">请选择</option>
        {options.map((option) => {
          const { value: v, label: l } = typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

/**
 * The error summary above a form: the message, and field messages the form has no input for.
 * `role="alert"` so screen readers announce it when it appears.
 */
export function FormError({ message, extra = [] }: { message: string | null; extra?: string[] }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{message}</p>
      {extra.length ? (
        <ul className="notice-list">
          {extra.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Splits an API error's field messages into those of the form's inputs and the rest (shown in the
 * summary, e.g. a field the form does not have).
 */
export function splitFieldErrors(error: ApiError, inputs: readonly string[]): { fields: FieldErrors; extra: string[] } {
  const fields: FieldErrors = {};
  const extra: string[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    if (inputs.includes(key)) fields[key] = message;
    else extra.push(message);
  }
  return { fields, extra };
}

/** Moves focus to the first input (in `order`) that has an error, so the person lands on it. */
export function focusFirstError(errors: FieldErrors, order: readonly string[]): void {
  const first = order.find((key) => errors[key]);
  if (!first) return;
  // After React has rendered the error (aria-describedby must point at it when focus arrives).
  requestAnimationFrame(() => document.getElementById(first)?.focus());
}
