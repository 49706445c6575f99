import { NormalisationError, type CanonicalEvent, type NormalisationContext, type WorkItemFields } from '@flowlens/contracts';
import type { JiraConnectorSettings } from '../schema/jira-connector-settings.schema';
import type { JiraChangelogItem } from '../schema/jira-issue.schema';
import { classifyChangelogItem, type TrackedItemKind } from './changelog-item.classifier';
import { requireStatusTarget, sideValue } from './changelog-values';
import { hasBlockedLabel, isSetText, keyPrefixOf, labelListOf } from './field-values.util';
import { envelopeOf, JIRA_SEQUENCE, type EventOrigin, type ItemIdentity } from './jira-event.factory';
import type { StatusCategoryLookup } from './status-category';

export interface ChangelogInput {
  readonly ctx: NormalisationContext;
  readonly settings: JiraConnectorSettings;
  /** Identity after the change (the key and project a move led to). */
  readonly identity: ItemIdentity;
  readonly changelogId: string;
  readonly items: readonly JiraChangelogItem[];
  readonly occurredAt: string;
  readonly categoryOf: StatusCategoryLookup;
  /**
   * Components and fix versions after the change: their items carry one value each, not the set.
   * A field left out is unknown and stays out of the update.
   */
  readonly multiValuedAfter: () => Partial<Pick<WorkItemFields, 'components' | 'fixVersions'>>;
}

interface Classified {
  readonly item: JiraChangelogItem;
  readonly kind: TrackedItemKind;
}

/** The canonical events of one Jira changelog; empty when it touches nothing tracked. */
export function changelogEvents(input: ChangelogInput): CanonicalEvent[] {
  const tracked: Classified[] = [];
  for (const item of input.items) {
    const kind = classifyChangelogItem(item, input.settings);
    if (kind !== null) tracked.push({ item, kind });
  }
  const of = (kind: TrackedItemKind) => tracked.filter((entry) => entry.kind === kind).map((entry) => entry.item);
  return [
    ...movedEvents(input, of('key')),
    ...statusEvents(input, of('status')),
    ...updatedEvents(input, tracked),
    ...blockEvents(input, 'flag', of('flag').some((i) => isSetText(i.fromText ?? i.from)), of('flag').some((i) => isSetText(i.toText ?? i.to))),
    ...blockEvents(input, 'label', of('labels').some((i) => hasBlockedLabel(labelListOf(i.fromText))), of('labels').some((i) => hasBlockedLabel(labelListOf(i.toText)))),
  ];
}

function origin(input: ChangelogInput, discriminator: string, sequence: number): EventOrigin {
  return {
    idParts: [input.identity.itemId, input.changelogId, discriminator],
    sourceEventId: input.changelogId,
    occurredAt: input.occurredAt,
    sequence,
  };
}

function movedEvents(input: ChangelogInput, items: readonly JiraChangelogItem[]): CanonicalEvent[] {
  const item = items[0];
  if (!item) return [];
  const fromKey = item.fromText || null;
  const toKey = item.toText || input.identity.itemKey;
  const fromBoardId = keyPrefixOf(fromKey);
  if (fromBoardId === null) throw new NormalisationError(`changelog ${input.changelogId}: key change without the old key`);
  const toBoardId = keyPrefixOf(toKey) ?? input.identity.boardId;
  return [
    {
      ...envelopeOf(input.ctx, origin(input, 'moved', JIRA_SEQUENCE.moved)),
      ...input.identity,
      type: 'WorkItemMoved',
      payload: { fromBoardId, toBoardId, fromKey, toKey },
    },
  ];
}

/** Normally one status item per changelog; sorted so the id of each never depends on item order. */
function statusEvents(input: ChangelogInput, items: readonly JiraChangelogItem[]): CanonicalEvent[] {
  const sorted = [...items].sort((a, b) => `${a.to}|${a.from}`.localeCompare(`${b.to}|${b.from}`));
  return sorted.map((item, index) => {
    const target = requireStatusTarget(item, input.changelogId);
    const from = item.from ? { id: item.from, name: item.fromText || item.from, category: input.categoryOf(item.from) } : null;
    return {
      ...envelopeOf(input.ctx, origin(input, index === 0 ? 'status' : `status#${index}`, JIRA_SEQUENCE.status)),
      ...input.identity,
      type: 'WorkItemStatusChanged' as const,
      payload: { from, to: { ...target, category: input.categoryOf(target.id) } },
    };
  });
}

function updatedEvents(input: ChangelogInput, tracked: readonly Classified[]): CanonicalEvent[] {
  let changes: Partial<WorkItemFields> = {};
  for (const { item, kind } of tracked) {
    if (kind === 'status' || kind === 'key' || kind === 'flag') continue;
    if (kind === 'components' || kind === 'fixVersions') {
      const after = input.multiValuedAfter()[kind];
      if (after) changes = { ...changes, [kind]: after };
    } else if (kind === 'labels' && changes.labels) {
      changes = { ...changes, labels: [...new Set([...changes.labels, ...labelListOf(item.toText)])] };
    } else {
      changes = { ...changes, ...sideValue(item, kind, 'to') };
    }
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      ...envelopeOf(input.ctx, origin(input, 'updated', JIRA_SEQUENCE.updated)),
      ...input.identity,
      type: 'WorkItemUpdated',
      payload: { changes },
    },
  ];
}

function blockEvents(input: ChangelogInput, reason: 'flag' | 'label', before: boolean, after: boolean): CanonicalEvent[] {
  if (before === after) return [];
  const base = { ...envelopeOf(input.ctx, origin(input, reason, JIRA_SEQUENCE[reason])), ...input.identity };
  return after
    ? [{ ...base, type: 'WorkItemBlocked', payload: { reason, note: null } }]
    : [{ ...base, type: 'WorkItemUnblocked', payload: { reason } }];
}
