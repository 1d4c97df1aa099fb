/**
 * The frame of a page that needs the signed-in candidate: loading and error states, and a redirect to
 * /login (remembering where the person wanted to go) when there is no session.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { MeView } from '../api-types';
import { useCandidate } from '../session';
import { Page } from './Page';
import { ErrorNotice, Loading } from './Status';

/** Where /login sends the person back to (router location state). */
export interface LoginRedirectState {
  from?: string;
}

/**
 * A page for signed-in candidates.
 * @param children Renders the page body with the current MeView.
 */
export function CandidatePage({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ReactNode;
  children: (me: MeView) => ReactNode;
}) {
  const candidate = useCandidate();
  const { pathname } = useLocation();
  if (candidate.status === 'signed-out') {
    const state: LoginRedirectState = { from: pathname };
    return <Navigate to="/login" replace state={state} />;
  }
  return (
    <Page title={title} lead={lead}>
      {candidate.status === 'loading' ? <Loading /> : null}
      {candidate.status === 'error' ? (
        <ErrorNotice error={candidate.error} onRetry={candidate.error.retryable ? candidate.retry : undefined} />
      ) : null}
      {candidate.status === 'ok' ? children(candidate.me) : null}
    </Page>
  );
}
