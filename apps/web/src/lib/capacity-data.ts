import { FLOW_TYPES, type Allocation, type FlowType, type Team, type TeamAbsence, type TeamMember } from './capacity-types';

/** Allocation rows, one per flow type, with the target beside it (null without one). */
export function allocationRows(a: Allocation): Array<{ type: FlowType; actual: number; target: number | null; gap: number | null }> {
  return FLOW_TYPES.map((type) => ({ type, actual: a.byType?.[type] ?? 0, target: a.target?.[type] ?? null, gap: a.gap?.[type] ?? null }));
}

/** The editable form of a team: lists as text, numbers as text, so half-typed input stays. */
export interface TeamDraft {
  name: string;
  boards: string;
  workingDays: number[];
  holidays: string;
  focusFactor: string;
  costPerFteDay: string;
  currency: string;
  targetMix: Record<FlowType, string>;
  members: Array<{ name: string; accountId: string; fte: string; from: string; to: string }>;
  absences: Array<{ member: string; from: string; to: string; fraction: string }>;
}

const words = (text: string) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
const text = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function emptyDraft(): TeamDraft {
  return { name: '', boards: '', workingDays: [1, 2, 3, 4, 5], holidays: '', focusFactor: '1', costPerFteDay: '', currency: '', targetMix: { feature: '', defect: '', risk: '', debt: '', other: '' }, members: [], absences: [] };
}

export function draftOf(team: Team): TeamDraft {
  return {
    name: team.name,
    boards: team.boardIds.join(', '),
    workingDays: [...team.workingDays],
    holidays: team.holidays.join(', '),
    focusFactor: text(team.focusFactor),
    costPerFteDay: text(team.costPerFteDay),
    currency: text(team.currency),
    targetMix: Object.fromEntries(FLOW_TYPES.map((t) => [t, team.targetMix ? text(team.targetMix[t]) : ''])) as Record<FlowType, string>,
    members: team.members.map((m: TeamMember) => ({ name: m.name, accountId: text(m.accountId), fte: text(m.fte), from: text(m.from), to: text(m.to) })),
    absences: team.absences.map((a: TeamAbsence) => ({ member: a.member, from: a.from, to: a.to, fraction: text(a.fraction) })),
  };
}

const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The request body of a draft; the API checks it and names each bad field. */
export function bodyOf(d: TeamDraft): Record<string, unknown> {
  const mix = FLOW_TYPES.filter((t) => d.targetMix[t].trim() !== '');
  return {
    name: d.name.trim(),
    boardIds: words(d.boards),
    workingDays: [...d.workingDays].sort(),
    holidays: words(d.holidays),
    focusFactor: num(d.focusFactor) ?? 1,
    costPerFteDay: num(d.costPerFteDay) ?? null,
    currency: opt(d.currency) ?? null,
    targetMix: mix.length ? Object.fromEntries(mix.map((t) => [t, Number(d.targetMix[t])])) : null,
    members: d.members.map((m) => ({ name: m.name.trim(), accountId: opt(m.accountId) ?? null, fte: num(m.fte), from: opt(m.from) ?? null, to: opt(m.to) ?? null })),
    absences: d.absences.map((a) => ({ member: a.member.trim(), from: a.from.trim(), to: a.to.trim(), ...(num(a.fraction) === undefined ? {} : { fraction: num(a.fraction) }) })),
  };
}
