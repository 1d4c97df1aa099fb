/**
 * The frame of each page of the application flow: the page title (<h1>), the three steps of the seed
 * (选择专业 → 填报证书课程 → 确认提交) while the application is being filled in, and the page's
 * one-off notice (after a conflict reload, 提交成功 …).
 */
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Page } from '../components/Page';
import { useApply } from './context';

const STEPS = ['选择专业', '填报证书课程', '确认提交'] as const;

/**
 * One page of the flow.
 * @param step 1–3 shows the step indicator with that step current; leave out on other pages.
 */
export function ApplyPage({ title, step, children }: { title: string; step?: 1 | 2 | 3; children: ReactNode }) {
  return (
    <Page title={title}>
      {step ? <StepNav current={step} /> : null}
      <FlashNotice />
      {children}
    </Page>
  );
}

function StepNav({ current }: { current: number }) {
  return (
    <ol className="apply-steps" aria-label="免考申请步骤">
      {STEPS.map((label, index) => {
        const n = index + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <li
            key={label}
            className={`apply-step apply-step-${state}`}
            aria-current={n === current ? 'step' : undefined}
          >
            <span className="apply-step-number" aria-hidden="true">
              {n}
            </span>
            {label}
          </li>
        );
      })}
    </ol>
  );
}

/** Shows the flash meant for this page; it is cleared when the person leaves the page. */
function FlashNotice() {
  const { flash, setFlash } = useApply();
  const { pathname } = useLocation();
  const mine = flash && flash.path === pathname ? flash : null;
  // Cleared on leaving the page, not when it changes: a newer flash for this page must stay.
  useEffect(() => () => setFlash((f) => (f && f.path === pathname ? null : f)), [pathname, setFlash]);
  if (!mine) return null;
  return (
    <div className={`notice ${mine.kind === 'success' ? 'notice-success' : 'notice-info'}`} role="status">
      <p>{mine.text}</p>
    </div>
  );
}
