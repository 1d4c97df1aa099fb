/**
 * 免考申请 (seed §四–五, SPEC §2.2): the element of `/apply/*`. Loads the signed-in candidate, the
 * catalog and this window's application once, shares them with the steps ({@link ApplyContext}) and
 * sends the person to the step their application is at:
 * - `/apply`: no application or a draft → step 1; submitted, returned or decided (or anything outside
 *   the window) → 信息详情; not allowed to apply and nothing to show → why not (身份尚未认证通过 …);
 * - `/apply/choices` (step 1 免考申请信息填报), `/apply/certificates` and `/apply/certificates/new`
 *   (step 2 免考申请证书课程填报), `/apply/confirm` (step 3 信息确认页), `/apply/detail` (信息详情).
 * A step that does not fit the application's state (e.g. step 2 after submission) redirects.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { api, ApiError, isApiError } from '../api';
import type { ApplicationView, CatalogView, MyApplicationView } from '../api-types';
import type { LoginRedirectState } from '../components/CandidatePage';
import { Page } from '../components/Page';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { useCandidate } from '../session';
import { AddCertificate } from './AddCertificate';
import { CertificatesStep } from './CertificatesStep';
import { ChoicesStep } from './ChoicesStep';
import { ConfirmStep } from './ConfirmStep';
import { ApplyContext, useApply, type ApplyContextValue, type Flash } from './context';
import { DetailPage } from './DetailPage';
import './apply.css';

/** The `/apply/*` element. */
export function ApplyApp() {
  const candidate = useCandidate();
  const { pathname } = useLocation();
  const [catalog, setCatalog] = useState<CatalogView | null>(null);
  const [state, setState] = useState<MyApplicationView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [flash, setFlash] = useState<Flash | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    Promise.all([api.getCatalog(controller.signal), api.getApplication(controller.signal)]).then(
      ([loadedCatalog, loadedState]) => {
        if (controller.signal.aborted) return;
        setCatalog(loadedCatalog);
        setState(loadedState);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(e) && e.status === 401) setSignedOut(true);
        else setError(isApiError(e) ? e : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。', { cause: e }));
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const update = useCallback((view: ApplicationView) => {
    setState((s) => (s ? { ...s, application: view } : s));
  }, []);
  const reload = useCallback(async () => {
    setState(await api.getApplication());
  }, []);

  const value = useMemo<ApplyContextValue | null>(
    () =>
      candidate.status === 'ok' && catalog && state
        ? { me: candidate.me, catalog, state, update, reload, flash, setFlash }
        : null,
    [candidate, catalog, state, update, reload, flash],
  );

  if (candidate.status === 'signed-out' || signedOut) {
    const redirect: LoginRedirectState = { from: pathname };
    return <Navigate to="/login" replace state={redirect} />;
  }
  if (!value) {
    const failure = candidate.status === 'error' ? candidate.error : error;
    return (
      <Page title="免考申请">
        {failure ? (
          <ErrorNotice
            error={failure}
            onRetry={
              failure.retryable
                ? () => {
                    if (candidate.status === 'error') candidate.retry();
                    setAttempt((n) => n + 1);
                  }
                : undefined
            }
          />
        ) : (
          <Loading label="正在加载免考申请…" />
        )}
      </Page>
    );
  }
  return (
    <ApplyContext.Provider value={value}>
      <Routes>
        <Route index element={<Entry />} />
        <Route path="choices" element={<Guard step="choices" element={<ChoicesStep />} />} />
        <Route path="certificates" element={<Guard step="certificates" element={<CertificatesStep />} />} />
        <Route path="certificates/new" element={<Guard step="certificates" element={<AddCertificate />} />} />
        <Route path="confirm" element={<Guard step="confirm" element={<ConfirmStep />} />} />
        <Route path="detail" element={<Guard step="detail" element={<DetailPage />} />} />
        <Route path="*" element={<Navigate to="/apply" replace />} />
      </Routes>
    </ApplyContext.Provider>
  );
}

type Step = 'choices' | 'certificates' | 'confirm' | 'detail';

/** Where a step must send the person instead, or null when the step fits the application's state. */
function redirectFor(step: Step, state: MyApplicationView): string | null {
  const app = state.application;
  if (step === 'detail') return app ? null : '/apply';
  if (app) return app.editable ? null : '/apply/detail';
  // No application yet: only step 1 creates one, and only for a candidate who may apply.
  if (step === 'choices') return state.eligibility.canApply ? null : '/apply';
  return '/apply/choices';
}

function Guard({ step, element }: { step: Step; element: ReactNode }) {
  const { state } = useApply();
  const to = redirectFor(step, state);
  return to ? <Navigate to={to} replace /> : element;
}

/** `/apply`: to the right step, or why the candidate cannot apply. */
function Entry() {
  const { state } = useApply();
  const app = state.application;
  if (app) return <Navigate to={app.editable ? '/apply/choices' : '/apply/detail'} replace />;
  if (state.eligibility.canApply) return <Navigate to="/apply/choices" replace />;
  return (
    <Page title="免考申请">
      <div className="notice notice-info" role="status">
        <p className="notice-title">暂不能提交免考申请：</p>
        <ul className="notice-list apply-reasons">
          {state.eligibility.reasons.map((reason) => (
            <li key={reason}>
              {reason}
              <ReasonHelp reason={reason} window={state.window} />
            </li>
          ))}
        </ul>
      </div>
      <section className="section" aria-labelledby="apply-who">
        <h2 id="apply-who">重点说明</h2>
        <ul className="rule-list">
          <li>可申请免考考生：在籍考生并注册平台的考生。</li>
          <li>考生可选择两个不同专业的课程进行免考申请。</li>
          <li>免考申请提交完成后，如发现个人免考材料或课程信息选填有误可进行重新申请，重新申请机会仅限一次。</li>
        </ul>
      </section>
      <p className="apply-actions">
        <Link className="button" to="/me">
          返回个人中心
        </Link>
      </p>
    </Page>
  );
}

function ReasonHelp({ reason, window }: { reason: string; window: MyApplicationView['window'] }) {
  if (reason.startsWith('身份尚未认证')) {
    return (
      <>
        ：<Link to="/identity">查看身份认证状态或上传照片</Link>
      </>
    );
  }
  if (reason.includes('免考申请期间')) {
    const opens = formatDateTime(window.opensAt);
    const closes = formatDateTime(window.closesAt);
    return opens && closes ? (
      <>
        （本次免考申请期间：{opens} 至 {closes}，北京时间）
      </>
    ) : (
      <>（本次免考申请期间尚未公布，请留意通知公告）</>
    );
  }
  return null;
}
