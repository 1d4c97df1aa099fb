/**
 * The candidate's session as the web app knows it: signed in (with the last MeView), signed out, or
 * not known yet. The session itself is an HttpOnly cookie the page cannot read; the truth is what
 * `GET /api/me` answers (401 → signed out).
 *
 * One store for the whole app, so the header, 个人中心 and 身份认证 show the same name and status,
 * and concurrent loads share one request. The header asks only when this browser signed in before
 * (a flag in localStorage, cleared at logout or on 401): a first-time visitor on a weak network then
 * makes no call that can only answer 401. Pages that need a session always ask.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { api, ApiError, isApiError } from './api';
import type { IdentityView, MeView } from './api-types';

/** What the app knows about the session. */
export type SessionState =
  | { readonly status: 'unknown' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly me: MeView };

const HINT_KEY = 'ep.candidate.signedIn';

let state: SessionState = { status: 'unknown' };
let inflight: Promise<MeView | null> | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Private modes may refuse storage; the hint only saves a request.
  }
}

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

/** The session store. */
export const session = {
  get: (): SessionState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Records a sign-in (after register, activate or login: their answer is the MeView). */
  signedIn(me: MeView): void {
    writeHint(true);
    setState({ status: 'signed-in', me });
  },

  /** Records that there is no session (after logout, or a 401). */
  signedOut(): void {
    writeHint(false);
    setState({ status: 'signed-out' });
  },

  /**
   * Records "signed out" when a call answered 401 UNAUTHENTICATED (the one-hour session expired, or
   * another tab logged out); pages for signed-in candidates then send the person to /login. Other 401s
   * (INVALID_CREDENTIALS: a wrong current password) leave the session alone.
   * @returns true when `error` was such a 401.
   */
  expiredBy(error: unknown): boolean {
    if (!isApiError(error) || error.code !== 'UNAUTHENTICATED') return false;
    session.signedOut();
    return true;
  },

  /** Replaces the identity part of the signed-in candidate (after an upload or a verification request). */
  updateIdentity(identity: IdentityView): void {
    if (state.status === 'signed-in') setState({ status: 'signed-in', me: { ...state.me, identity } });
  },

  /**
   * Loads `GET /api/me` (one request at a time, shared by every caller).
   * @returns The MeView, or null when signed out (401).
   * @throws ApiError on other failures (network, 5xx); the state is then left as it was.
   */
  load(): Promise<MeView | null> {
    inflight ??= api
      .getMe()
      .then(
        (me) => {
          session.signedIn(me);
          return me;
        },
        (error: unknown) => {
          if (session.expiredBy(error)) return null;
          throw error;
        },
      )
      .finally(() => {
        inflight = null;
      });
    return inflight;
  },

  /** Asks the server once per page load, if this browser signed in before; otherwise assumes signed out. */
  check(): void {
    if (state.status !== 'unknown' || inflight) return;
    if (!readHint()) {
      setState({ status: 'signed-out' });
      return;
    }
    session.load().catch(() => {
      // No answer: the header shows 登录; a page that needs the session asks again and shows the error.
      if (state.status === 'unknown') setState({ status: 'signed-out' });
    });
  },

  /** Ends the session on the server, then here. @throws ApiError when the server could not be reached */
  async logout(): Promise<void> {
    await api.logout();
    session.signedOut();
  },
};

/** The current session state (re-renders on change). */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** State of a page that needs the signed-in candidate. */
export type CandidateState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'error'; readonly error: ApiError; readonly retry: () => void }
  | { readonly status: 'ok'; readonly me: MeView };

/**
 * The signed-in candidate for a page: loads `GET /api/me` on mount (fresh data every visit) and shows
 * what the store already holds meanwhile; `signed-out` tells the page to send the person to /login.
 */
export function useCandidate(): CandidateState {
  const current = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [settled, setSettled] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setError(null);
    session.load().then(
      () => {
        if (active) setSettled(true);
      },
      (e: unknown) => {
        if (!active) return;
        setError(isApiError(e) ? e : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。', { cause: e }));
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (current.status === 'signed-in') return { status: 'ok', me: current.me };
  if (error) return { status: 'error', error, retry };
  // Only this page's own answer decides "signed out": the header's guess may be older.
  if (settled && current.status === 'signed-out') return { status: 'signed-out' };
  return { status: 'loading' };
}
