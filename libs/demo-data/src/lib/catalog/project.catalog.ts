import { SITE_URL } from './people.catalog';
import type { StatusName } from './workflow.catalog';

export type ProjectKey = 'PAY' | 'WEB' | 'OPS';

export interface DemoProject {
  readonly key: ProjectKey;
  readonly id: string;
  readonly name: string;
  readonly lead: number;
  /** Indexes into PEOPLE of the people who pick up this project's work. */
  readonly team: readonly number[];
  /** One of the team who takes this share of the work (a key-person risk the demo shows); none by default. */
  readonly mainstay?: { readonly person: number; readonly share: number };
  /** The statuses an issue passes through on its way to Done, in order. */
  readonly flow: readonly StatusName[];
  /** Whether the workflow has a Blocked status that work can be parked in. */
  readonly hasBlockedStatus: boolean;
  /** New issues per weekday at scale 1. */
  readonly weekdayArrivals: number;
  /** Scales the cycle time of this project's issues. */
  readonly pace: number;
  readonly components: ReadonlyArray<readonly [string, string]>;
  readonly labels: readonly string[];
  readonly avatarId: number;
}

/** Three boards with their own workflows: Scrum with review, Kanban with a QA queue, ops with a Blocked column. */
export const PROJECTS: readonly DemoProject[] = [
  {
    key: 'PAY',
    id: '10000',
    name: 'Payments',
    lead: 0,
    team: [0, 1, 4, 5, 11],
    flow: ['To Do', 'In Progress', 'In Review', 'Done'],
    hasBlockedStatus: false,
    weekdayArrivals: 1.35,
    pace: 1,
    components: [['10100', 'Checkout API'], ['10101', 'Ledger'], ['10102', 'Payouts'], ['10103', 'Fraud Rules'], ['10104', 'Refunds']],
    labels: ['backend', 'pci', 'psp', 'reconciliation', 'customer-reported'],
    avatarId: 10408,
  },
  {
    key: 'WEB',
    id: '10001',
    name: 'Web Storefront',
    lead: 6,
    team: [6, 7, 8, 9, 10, 1],
    flow: ['To Do', 'In Progress', 'In Review', 'Ready for QA', 'Done'],
    hasBlockedStatus: false,
    weekdayArrivals: 1.7,
    pace: 1.1,
    components: [['10200', 'Catalog'], ['10201', 'Cart'], ['10202', 'Search'], ['10203', 'Accounts'], ['10204', 'Design System']],
    labels: ['frontend', 'a11y', 'seo', 'performance', 'mobile', 'customer-reported'],
    avatarId: 10411,
  },
  {
    key: 'OPS',
    id: '10002',
    name: 'Platform Ops',
    lead: 2,
    team: [2, 3, 11, 5],
    // The ops lead picks up most tickets: the demo's concentration risk.
    mainstay: { person: 2, share: 0.7 },
    flow: ['To Do', 'In Progress', 'Done'],
    hasBlockedStatus: true,
    weekdayArrivals: 1.1,
    pace: 0.85,
    components: [['10300', 'Kubernetes'], ['10301', 'CI/CD'], ['10302', 'Observability'], ['10303', 'Databases'], ['10304', 'Networking']],
    labels: ['infra', 'terraform', 'on-call', 'cost', 'toil'],
    avatarId: 10415,
  },
];

export function projectOf(key: ProjectKey): DemoProject {
  const project = PROJECTS.find((candidate) => candidate.key === key);
  if (!project) throw new RangeError(`no demo project ${key}`);
  return project;
}

/** The compact project object Jira embeds in `fields.project`. */
export function jiraProjectRef(project: DemoProject): Record<string, unknown> {
  const avatar = `${SITE_URL}/rest/api/2/universal_avatar/view/type/project/avatar/${project.avatarId}`;
  return {
    self: `${SITE_URL}/rest/api/2/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: { '48x48': avatar, '24x24': `${avatar}?size=small`, '16x16': `${avatar}?size=xsmall`, '32x32': `${avatar}?size=medium` },
  };
}

/**
 * Who picks up an item of the project: anyone of the team alike, or its mainstay for their share
 * of the work. One draw either way, so the other projects' histories stay as they were.
 */
export function pickAssignee(project: DemoProject, draw: number): number {
  const { team, mainstay } = project;
  if (mainstay === undefined) return team[Math.floor(draw * team.length)] as number;
  if (draw < mainstay.share) return mainstay.person;
  return team[Math.floor(((draw - mainstay.share) / (1 - mainstay.share)) * team.length)] as number;
}
