import { parse } from 'csv-parse/sync';
import { type TeamInput, teamSchema } from './organisation.schema';

/**
 * The teams CSV (docs/capacity.md): one row per member or absence, grouped by `team`. Team
 * fields may sit on any of a team's rows but must agree; lists are `;`-separated and the target
 * mix reads `feature=0.6;defect=0.4`.
 */
export const TEAM_CSV_COLUMNS = [
  'team', 'boards', 'working_days', 'holidays', 'focus_factor', 'cost_per_fte_day', 'currency', 'target_mix',
  'member', 'account_id', 'fte', 'from', 'to', 'absent_from', 'absent_to', 'absent_fraction',
] as const;
type Column = (typeof TEAM_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const TEAM_FIELDS = ['boards', 'working_days', 'holidays', 'focus_factor', 'cost_per_fte_day', 'currency', 'target_mix'] as const;

export interface TeamsCsv {
  readonly teams: ReadonlyArray<{ readonly name: string; readonly team: TeamInput; readonly rows: readonly number[] }>;
  /** One readable line per bad row (`row 4: members.fte: must be ≤ 1`). */
  readonly errors: readonly string[];
}

interface Draft {
  readonly name: string;
  readonly rows: number[];
  readonly fields: Map<string, { value: string; row: number }>;
  readonly members: Array<{ row: number; value: Record<string, unknown> }>;
  readonly absences: Array<{ row: number; value: Record<string, unknown> }>;
}

const list = (v: string | undefined) => (v ?? '').split(';').map((s) => s.trim()).filter(Boolean);
const number = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
const optional = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

export function readTeamsCsv(text: string): TeamsCsv {
  let records: Array<{ record: Row; info: { lines: number } }>;
  try {
    records = parse(text, { columns: true, trim: true, skip_empty_lines: true, info: true, bom: true });
  } catch (error) {
    return { teams: [], errors: [`the file is not valid CSV: ${(error as Error).message}`] };
  }
  const errors: string[] = [];
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((c) => !(TEAM_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) errors.push(`row 1: unknown column(s) ${unknown.join(', ')} (known: ${TEAM_CSV_COLUMNS.join(', ')})`);
  if (records.length === 0) errors.push('the file has no team rows');
  const drafts = new Map<string, Draft>();
  for (const { record, info } of records) {
    const row = info.lines;
    const name = record.team ?? '';
    if (name === '') {
      errors.push(`row ${row}: team is empty`);
      continue;
    }
    const draft: Draft = drafts.get(name) ?? { name, rows: [], fields: new Map(), members: [], absences: [] };
    drafts.set(name, draft);
    draft.rows.push(row);
    for (const field of TEAM_FIELDS) {
      const value = record[field];
      if (value === undefined || value === '') continue;
      const earlier = draft.fields.get(field);
      if (earlier && earlier.value !== value) errors.push(`row ${row}: ${field} ${value} differs from ${earlier.value} on row ${earlier.row} of team ${name}`);
      else draft.fields.set(field, { value, row });
    }
    const member = optional(record.member);
    if (member !== undefined && optional(record.fte) !== undefined) {
      draft.members.push({ row, value: { name: member, accountId: optional(record.account_id), fte: number(record.fte), from: optional(record.from), to: optional(record.to) } });
    }
    if (optional(record.absent_from) !== undefined || optional(record.absent_to) !== undefined) {
      if (member === undefined) errors.push(`row ${row}: an absence needs its member`);
      else draft.absences.push({ row, value: { member: optional(record.account_id) ?? member, from: record.absent_from, to: record.absent_to ?? record.absent_from, fraction: number(record.absent_fraction) } });
    }
    if (member === undefined && optional(record.fte) !== undefined) errors.push(`row ${row}: fte without a member`);
  }
  const teams: Array<TeamsCsv['teams'][number]> = [];
  for (const draft of drafts.values()) {
    const field = (f: string) => draft.fields.get(f)?.value;
    const mix = field('target_mix');
    const input = {
      name: draft.name,
      boardIds: list(field('boards')),
      members: draft.members.map((m) => m.value),
      ...(field('working_days') ? { workingDays: list(field('working_days')).map(Number) } : {}),
      holidays: list(field('holidays')),
      absences: draft.absences.map((a) => a.value),
      ...(field('focus_factor') ? { focusFactor: number(field('focus_factor')) } : {}),
      costPerFteDay: number(field('cost_per_fte_day')) ?? null,
      currency: field('currency') ?? null,
      targetMix: mix ? Object.fromEntries(list(mix).map((pair) => [pair.split('=')[0]?.trim(), Number(pair.split('=')[1])])) : null,
    };
    const parsed = teamSchema.safeParse(input);
    if (parsed.success) {
      teams.push({ name: draft.name, team: parsed.data, rows: draft.rows });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const [head, index, ...rest] = issue.path.map(String);
      const source = head === 'members' ? draft.members[Number(index)]?.row : head === 'absences' ? draft.absences[Number(index)]?.row : undefined;
      const column = COLUMN_OF[head ?? ''] ?? head;
      const row = source ?? draft.fields.get(column ?? '')?.row ?? draft.rows[0];
      const where = head === 'members' || head === 'absences' ? [head, ...rest].join('.') : column;
      errors.push(`row ${row}: ${where ? `${where}: ` : ''}${issue.message} (team ${draft.name})`);
    }
  }
  return { teams, errors: errors.sort((a, b) => rowOf(a) - rowOf(b)) };
}

const COLUMN_OF: Record<string, string> = {
  boardIds: 'boards',
  workingDays: 'working_days',
  holidays: 'holidays',
  focusFactor: 'focus_factor',
  costPerFteDay: 'cost_per_fte_day',
  currency: 'currency',
  targetMix: 'target_mix',
};

const rowOf = (line: string) => Number(/^row (\d+)/.exec(line)?.[1] ?? 0);
