/**
 * The staff member's session as the staff pages know it. The session itself is an HttpOnly cookie the
 * page cannot read; the truth is `GET /api/staff/me` (401 signed out; 403 when only a candidate is
 * signed in). {@link StaffFrame} guards every page but the login page: without a staff session it
 * sends the person to /staff, remembering where they wanted to go.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { isApiError, type ApiError } from '../api';
import { ErrorNotice, Loading } from '../components/Status';
import { onSignedOut, staffApi, type StaffView } from './staff-api';
import { StaffContext, useStaff } from './staff-context';
import { StaffLayout } from './StaffLayout';

/** Where the login page sends the person after signing in (router location state). */
export interface StaffLoginState {
  from?: string;
}

// The account the login answer gave: the frame then needs no `me` call right after signing in.
let known: StaffView | null = null;

const HINT_KEY = 'ep.staff.signedIn';

/**
 * Remembers the account a successful login answered with (null: signed out), and keeps a hint in
 * localStorage so the login page asks the server whether a session exists only when this browser
 * signed in before: a first visit then makes no call that can only answer 401.
 */
export function rememberStaff(staff: StaffView | null): void {
  known = staff;
  try {
    if (staff) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Private modes may refuse storage; the hint only saves a request.
  }
}

/** True when this browser signed in as staff before (and did not sign out since). */
export function maybeSignedIn(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

/** True for answers that mean "no staff session here": 401, or 403 for a candidate's session. */
export function isSignedOut(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || error.status === 403);
}

type FrameState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; error: ApiError }
  | { status: 'ok'; staff: StaffView };

/** Layout route of the signed-in staff pages: checks the session, then renders the staff layout. */
export function StaffFrame() {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<FrameState>(() =>
    known ? { status: 'ok', staff: known } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (state.status !== 'loading') return;
    const controller = new AbortController();
    staffApi.me(controller.signal).then(
      (staff) => {
        rememberStaff(staff);
        setState({ status: 'ok', staff });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isSignedOut(error)) {
          rememberStaff(null);
          setState({ status: 'signed-out' });
        } else if (isApiError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `attempt` re-runs the check after 重试.
  }, [state.status, attempt]);

  // Any staff call answering 401 (the session lasts one hour) ends up here.
  useEffect(
    () =>
      onSignedOut(() => {
        rememberStaff(null);
        setState({ status: 'signed-out' });
      }),
    [],
  );

  const signOut = useCallback(async () => {
    await staffApi.logout();
    rememberStaff(null);
    navigate('/staff', { replace: true });
  }, [navigate]);

  const value = useMemo(() => (state.status === 'ok' ? { staff: state.staff, signOut } : null), [state, signOut]);

  if (state.status === 'signed-out') {
    const loginState: StaffLoginState = { from: pathname + search };
    return <Navigate to="/staff" replace state={loginState} />;
  }
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <ErrorNotice
        error={state.error}
        onRetry={() => {
          setState({ status: 'loading' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  return (
    <StaffContext.Provider value={value}>
      <StaffLayout>
        <Outlet />
      </StaffLayout>
    </StaffContext.Provider>
  );
}

/** Guard of the admin pages: staff members without the admin role see a plain refusal. */
export function AdminOnly() {
  const { staff } = useStaff();
  if (staff.role !== 'admin')
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">无权访问</p>
        <p>该功能仅限省级管理员使用。</p>
      </div>
    );
  return <Outlet />;
}
