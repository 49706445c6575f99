import { NormalisationError, type Person } from '@flowlens/contracts';
import type { JiraUser } from '../schema/jira-primitives.schema';

const DC_SPRINT_ID = /[[,]id=(\d+)[,\]]/;
const LOCAL_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/** Cloud: an array of sprint objects. Data Center: strings `...Sprint@1a2b[id=12,rapidViewId=3,...]`. */
export function sprintIdsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new NormalisationError('sprint field is neither null nor an array');
  return value.map((entry) => {
    if (typeof entry === 'object' && entry !== null && Object.hasOwn(entry, 'id')) {
      const id = (entry as { id: unknown }).id;
      if (typeof id === 'number' || (typeof id === 'string' && id !== '')) return String(id);
    }
    if (typeof entry === 'string') {
      const match = DC_SPRINT_ID.exec(entry);
      if (match?.[1]) return match[1];
    }
    throw new NormalisationError('sprint field entry has no sprint id');
  });
}

/** Changelog sprint and id lists: `"12, 13"`. */
export function idListOf(text: string | null): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Labels in a changelog are one space-separated string. */
export function labelListOf(text: string | null): string[] {
  return (text ?? '').split(/\s+/).filter((label) => label !== '');
}

export function hasBlockedLabel(labels: readonly string[]): boolean {
  return labels.some((label) => label.toLowerCase() === 'blocked');
}

export function estimateOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  throw new NormalisationError(`story points value is not a number: ${JSON.stringify(value)}`);
}

/** Atlassian Teams (`{id, name|title}`), a select option (`{value}`), or plain text. */
export function teamOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of ['name', 'title', 'value']) {
      const text = Object.hasOwn(record, key) ? record[key] : undefined;
      if (typeof text === 'string' && text !== '') return text;
    }
  }
  throw new NormalisationError('team field has no name');
}

/** The Flagged field is an array of options (`[{value: "Impediment"}]`) when set, null/[] when not. */
export function isFlaggedValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

export function isSetText(text: string | null): boolean {
  return text !== null && text.trim() !== '' && text.trim() !== '[]';
}

/** Jira due dates: `2024-03-01` in fields and `2024-03-01 00:00:00.0` in some changelog strings. */
export function localDateOf(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const match = LOCAL_DATE.exec(text.trim());
  if (!match?.[1]) throw new NormalisationError(`not a date: ${text}`);
  return match[1];
}

export function personOf(user: JiraUser | null | undefined): Person | null {
  if (user === null || user === undefined) return null;
  const id = user.accountId || user.key || user.name;
  if (!id) throw new NormalisationError('user has none of accountId, key, name');
  return { id, name: user.displayName ?? null };
}

/** `KAN-12` -> `KAN`. */
export function keyPrefixOf(key: string | null | undefined): string | null {
  if (!key) return null;
  const dash = key.lastIndexOf('-');
  return dash > 0 ? key.slice(0, dash) : null;
}

export function nameOf(value: string | { name: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.name;
}
