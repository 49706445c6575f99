import { z } from 'zod';
import { FLOW_TYPES } from '@flowlens/metrics';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = z
  .string()
  .regex(DATE, 'must be a date YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a calendar date');
const boardId = z.string().trim().min(1).max(200);
const name = z.string().trim().min(1).max(200);

const memberSchema = z
  .object({
    name,
    accountId: z.string().trim().min(1).max(200).nullish().transform((v) => v ?? null),
    fte: z.number().gt(0, 'must be > 0').lte(1, 'must be ≤ 1'),
    from: localDate.nullish().transform((v) => v ?? null),
    to: localDate.nullish().transform((v) => v ?? null),
  })
  .refine((m) => m.from === null || m.to === null || m.from <= m.to, { message: 'from must not be after to', path: ['from'] });

const absenceSchema = z
  .object({
    member: z.string().trim().min(1).max(200),
    from: localDate,
    to: localDate,
    fraction: z.number().gt(0, 'must be > 0').lte(1, 'must be ≤ 1').default(1),
  })
  .refine((a) => a.from <= a.to, { message: 'from must not be after to', path: ['from'] });

const targetMixSchema = z
  .object(Object.fromEntries(FLOW_TYPES.map((t) => [t, z.number().min(0).max(1).optional()])) as Record<(typeof FLOW_TYPES)[number], z.ZodOptional<z.ZodNumber>>)
  .strict()
  .transform((mix) => Object.fromEntries(FLOW_TYPES.map((t) => [t, mix[t] ?? 0])) as Record<(typeof FLOW_TYPES)[number], number>)
  .refine((mix) => Math.abs(Object.values(mix).reduce((s, v) => s + v, 0) - 1) <= 1e-6, 'the shares must sum to 1');

/** A team as the API and the CSV import accept it (metrics.md "Organisation", "Calendars"). */
export const teamSchema = z
  .object({
    name,
    boardIds: z.array(boardId).min(1, 'a team owns at least one board').max(500),
    members: z.array(memberSchema).max(2000).default([]),
    workingDays: z.array(z.number().int().min(1).max(7)).max(7).default([1, 2, 3, 4, 5]),
    holidays: z.array(localDate).max(2000).default([]),
    absences: z.array(absenceSchema).max(10_000).default([]),
    focusFactor: z.number().gt(0, 'must be > 0').lte(1, 'must be ≤ 1').default(1),
    costPerFteDay: z.number().finite().min(0).nullish().transform((v) => v ?? null),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').nullish().transform((v) => v ?? null),
    targetMix: targetMixSchema.nullish().transform((v) => v ?? null),
  })
  .strict()
  .superRefine((team, ctx) => {
    if (new Set(team.workingDays).size !== team.workingDays.length) ctx.addIssue({ code: 'custom', path: ['workingDays'], message: 'a weekday appears twice' });
    if (new Set(team.boardIds).size !== team.boardIds.length) ctx.addIssue({ code: 'custom', path: ['boardIds'], message: 'a board appears twice' });
    if (team.costPerFteDay !== null && team.currency === null) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'a cost per FTE-day needs its currency' });
    team.absences.forEach((absence, i) => {
      const matches = team.members.filter((m) => m.accountId === absence.member || m.name === absence.member).length;
      if (matches !== 1) ctx.addIssue({ code: 'custom', path: ['absences', i, 'member'], message: `${absence.member} matches ${matches} members (must match exactly one, by accountId or name)` });
    });
  });
export type TeamInput = z.infer<typeof teamSchema>;
export type TeamMember = TeamInput['members'][number];
export type TeamAbsence = TeamInput['absences'][number];

/** A portfolio: teams and further boards, with owners who get its alerts and digests. */
export const portfolioSchema = z
  .object({
    name,
    teamIds: z.array(z.string().uuid('must be a team id')).max(500).default([]),
    boardIds: z.array(boardId).max(2000).default([]),
    owners: z.array(z.string().trim().email('must be an e-mail address')).max(100).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (new Set(p.teamIds).size !== p.teamIds.length) ctx.addIssue({ code: 'custom', path: ['teamIds'], message: 'a team appears twice' });
    if (p.teamIds.length === 0 && p.boardIds.length === 0) ctx.addIssue({ code: 'custom', path: ['teamIds'], message: 'a portfolio needs at least one team or board' });
  });
export type PortfolioInput = z.infer<typeof portfolioSchema>;
