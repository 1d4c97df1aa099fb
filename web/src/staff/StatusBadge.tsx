/** An application's status as a coloured badge (the text says it too: colour is never the only cue). */
import type { StaffApplicationSummary } from './staff-api';

const CLASS: Record<StaffApplicationSummary['status'], string> = {
  draft: 'badge badge-muted',
  submitted: 'badge staff-badge-submitted',
  returned: 'badge badge-stop',
  decided: 'badge badge-open',
};

/** The badge of `status`, reading `text`. */
export function StatusBadge({ status, text }: { status: StaffApplicationSummary['status']; text: string }) {
  return <span className={CLASS[status]}>{text}</span>;
}
