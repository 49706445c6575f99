import { Link } from 'react-router';
import { subjectHref } from '../lib/alert-data';
import type { AlertSubject } from '../lib/alert-types';
import { ItemLink } from './item-link';

/** An alert's subject: items link to their item page, boards, teams and portfolios to their figures. */
export function SubjectLink({ subject, label }: { subject: AlertSubject; label?: string }) {
  if (subject.type === 'item') return <ItemLink itemKey={subject.id} />;
  return (
    <span>
      <span className="muted small">{subject.type}</span> <Link to={subjectHref(subject)}>{label ?? subject.id}</Link>
    </span>
  );
}

export const SEVERITY_BADGE: Record<string, string> = { info: 'badge', warning: 'badge badge-warn', critical: 'badge badge-bad' };
