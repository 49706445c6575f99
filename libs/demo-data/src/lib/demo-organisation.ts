import { PEOPLE } from './catalog/people.catalog';
import { PROJECTS } from './catalog/project.catalog';
import { DAY, isoDate } from './time.util';

/** A demo team as the teams API takes it (validated by the seeder). */
export interface DemoTeam {
  readonly name: string;
  readonly boardIds: string[];
  readonly members: Array<{ name: string; accountId: string; fte: number; from?: string }>;
  readonly holidays: string[];
  readonly absences: Array<{ member: string; from: string; to: string; fraction?: number }>;
  readonly focusFactor: number;
  readonly costPerFteDay: number;
  readonly currency: string;
  readonly targetMix: Record<string, number>;
}

export interface DemoOrganisation {
  readonly teams: DemoTeam[];
  readonly portfolio: { readonly name: string; readonly owners: string[] };
}

const TARGETS: Record<string, Record<string, number>> = {
  PAY: { feature: 0.5, defect: 0.2, risk: 0.2, debt: 0.1 },
  WEB: { feature: 0.6, defect: 0.25, debt: 0.15 },
  OPS: { feature: 0.2, defect: 0.3, risk: 0.2, debt: 0.3 },
};

/**
 * One team per demo board, its people from the project catalogue: someone on two boards is half
 * a person on each. Calendars sit around `now` so the capacity page shows them at first start:
 * the last two UK-style bank holidays are stand-ins (30 and 58 days ago), a week's leave, a
 * half-time fortnight and a newcomer who joined three weeks ago.
 */
export function demoOrganisation(now: number): DemoOrganisation {
  const boards = new Map<number, number>();
  for (const project of PROJECTS) for (const person of project.team) boards.set(person, (boards.get(person) ?? 0) + 1);
  const day = (offset: number) => isoDate(now + offset * DAY);
  const teams = PROJECTS.map((project, p): DemoTeam => {
    const members = project.team.map((i) => {
      const person = PEOPLE[i] as (typeof PEOPLE)[number];
      return { name: person.displayName, accountId: person.accountId, fte: 1 / (boards.get(i) ?? 1) };
    });
    const newcomer = members.at(-1);
    if (newcomer && p === 1) Object.assign(newcomer, { from: day(-21) });
    const first = members[0] as DemoTeam['members'][number];
    const second = members[1] as DemoTeam['members'][number];
    return {
      name: `${project.name} team`,
      boardIds: [project.key],
      members,
      holidays: [day(-58), day(-30)],
      absences: [
        { member: first.accountId, from: day(-12 - 7 * p), to: day(-8 - 7 * p) },
        { member: second.accountId, from: day(-40), to: day(-27), fraction: 0.5 },
      ],
      focusFactor: 0.8,
      costPerFteDay: [620, 540, 580][p] ?? 600,
      currency: 'EUR',
      targetMix: TARGETS[project.key] ?? { feature: 1 },
    };
  });
  return { teams, portfolio: { name: 'Acme delivery portfolio', owners: [(PEOPLE[0] as (typeof PEOPLE)[number]).emailAddress] } };
}
