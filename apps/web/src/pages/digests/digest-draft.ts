import type { Digest, DigestBody } from '../../lib/alert-types';

/** ISO weekdays as the API numbers them (1 = Monday … 7 = Sunday). */
export const WEEKDAYS: ReadonlyArray<[number, string]> = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [7, 'Sunday'],
];

/** The editable form of a digest; an empty portfolio is the whole workspace. */
export interface DigestDraft {
  name: string;
  portfolioId: string;
  channelIds: string[];
  weekday: number;
  hour: number;
}

/** api.md's defaults: Monday at 08:00 local time. */
export const emptyDigestDraft = (): DigestDraft => ({ name: '', portfolioId: '', channelIds: [], weekday: 1, hour: 8 });

export const digestDraftOf = (d: Digest): DigestDraft => ({ name: d.name, portfolioId: d.portfolioId ?? '', channelIds: [...d.channelIds], weekday: d.weekday, hour: d.hour });

/** The whole document for POST/PUT: the name as typed (trimmed, so the API names an empty one), null for the whole workspace. */
export function digestBodyOf(d: DigestDraft): DigestBody {
  return { name: d.name.trim(), portfolioId: d.portfolioId === '' ? null : d.portfolioId, channelIds: [...new Set(d.channelIds)], weekday: d.weekday, hour: d.hour };
}

export const hourText = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** `Mondays at 08:00` (the workspace's local time). */
export function scheduleText(weekday: number, hour: number): string {
  const day = WEEKDAYS.find(([n]) => n === weekday)?.[1];
  return `${day ? `${day}s` : `weekday ${weekday}`} at ${hourText(hour)}`;
}

/** The names of a digest's channels in its order; a channel deleted since is named as such. */
export function channelNames(ids: readonly string[], channels: ReadonlyArray<{ id: string; name: string }>): string[] {
  return ids.map((id) => channels.find((c) => c.id === id)?.name ?? 'deleted channel');
}
