/** The frame of one page: sets the document title and renders the page's single <h1>. */
import { useEffect, type ReactNode } from 'react';

/** Suffix of every document title (what WeChat shows in its title bar and in shared links). */
export const SITE_TITLE = '自学考试免考申请';

/**
 * One page with its heading.
 * @param title Page name, used for the <h1> and the document title (`title - 自学考试免考申请`).
 */
export function Page({ title, children, lead }: { title: string; children?: ReactNode; lead?: ReactNode }) {
  useEffect(() => {
    document.title = title === SITE_TITLE ? SITE_TITLE : `${title} - ${SITE_TITLE}`;
  }, [title]);
  return (
    <div className="page">
      <h1 className="page-title">{title}</h1>
      {lead ? <p className="page-lead">{lead}</p> : null}
      {children}
    </div>
  );
}
