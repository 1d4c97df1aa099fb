/**
 * The state and submit handling the candidate's text forms share (注册, 在籍考生认证, 登录, 修改密码):
 * values keyed by input id, per-field errors, the summary above the form, and a busy flag. Submitting
 * runs the page's own checks first (nothing is sent while one fails), then the API call; the API's
 * field messages land at their inputs, the rest in the summary, and focus goes to the first error.
 */
import { useState, type FormEvent } from 'react';
import { isApiError, type ApiError } from '../api';
import { focusFirstError, splitFieldErrors, type FieldErrors } from './Form';

/** The error summary above a form; `code` is the API error's, when the API refused. */
export interface FormSummary {
  readonly message: string;
  readonly extra: string[];
  readonly code?: string;
}

/** The summary when the page's own checks fail. */
const INVALID_MESSAGE = '填写的信息有误，请按提示修改后再提交。';

/** How a form is sent; see {@link useTextForm}. */
export interface TextFormSubmit<K extends string> {
  /** The page's checks: a message per input with a problem (none: the form is sent). */
  check(values: Record<K, string>): FieldErrors;
  /** Sends the form; on success it moves on (the form stays busy until the page changes). */
  send(values: Record<K, string>): Promise<void>;
  /** Summary when `check` finds a problem (default 填写的信息有误…). */
  invalidMessage?: string;
  /**
   * Told of the API's refusal before it is shown. @returns true when handled (e.g. the session
   * expired and the page goes to the login), so nothing is shown.
   */
  onRefused?(error: ApiError): boolean | void;
}

/**
 * A form of text inputs.
 * @param initial Every input's starting value, keyed by input id (also the request body's field name).
 * @param order Input ids in page order: focus goes to the first with an error; API field messages for
 *   other keys go to the summary.
 * @returns values, errors, summary and busy; `field(key)` gives a TextField's id/value/onChange/error;
 *   `submit(how)` gives the form's onSubmit.
 * @throws (from onSubmit) whatever `send` throws that is not an ApiError (a bug, for the error page).
 */
export function useTextForm<K extends string>(initial: Record<K, string>, order: readonly K[]) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<FormSummary | null>(null);
  const [busy, setBusy] = useState(false);

  /** Sets an input's value and clears its error (the person is fixing it). */
  const set = (key: K) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const field = (key: K) => ({ id: key, value: values[key], onChange: set(key), error: errors[key] });

  const submit =
    ({ check, send, invalidMessage = INVALID_MESSAGE, onRefused }: TextFormSubmit<K>) =>
    async (event: FormEvent) => {
      event.preventDefault();
      const found = check(values);
      if (Object.values(found).some(Boolean)) {
        setErrors(found);
        setSummary({ message: invalidMessage, extra: [] });
        focusFirstError(found, order);
        return;
      }
      setBusy(true);
      setSummary(null);
      try {
        await send(values);
      } catch (error) {
        setBusy(false);
        if (!isApiError(error)) throw error;
        if (onRefused?.(error)) return;
        const { fields, extra } = splitFieldErrors(error, order);
        setErrors(fields);
        setSummary({ message: error.message, extra, code: error.code });
        focusFirstError(fields, order);
      }
    };

  return { values, setValues, errors, setErrors, summary, busy, set, field, submit };
}
