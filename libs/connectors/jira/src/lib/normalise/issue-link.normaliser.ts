import type { CanonicalEvent, ItemLinkPayload, NormalisationContext } from '@flowlens/contracts';
import { jiraIssueLinksFieldSchema, type JiraIssueLinkWebhook, type JiraLinkType } from '../schema/jira-issue-link.schema';
import { envelopeOf } from './jira-event.factory';
import { firstInstant } from './jira-time.util';

type Ref = ItemLinkPayload['blocker'];

/**
 * How a link type reads as a dependency: `outward-blocks` when the outward side ("blocks")
 * blocks the inward side, `inward-blocks` when the outward side depends on the other
 * ("depends on"), null for links that are no dependency ("relates to", "duplicates").
 */
export function dependencyDirectionOf(type: JiraLinkType | null | undefined): 'outward-blocks' | 'inward-blocks' | null {
  const outward = (type?.outward ?? type?.outwardName ?? '').trim().toLowerCase();
  const name = (type?.name ?? '').trim().toLowerCase();
  if (outward.includes('depends on') || (!outward && name.includes('depend'))) return 'inward-blocks';
  if (outward.includes('block') || (!outward && name.includes('block'))) return 'outward-blocks';
  return null;
}

function linkEvent(
  ctx: NormalisationContext,
  type: 'ItemLinkCreated' | 'ItemLinkDeleted',
  payload: ItemLinkPayload,
  occurredAt: string,
  sourceEventId: string,
  idParts: readonly string[],
): CanonicalEvent {
  return {
    ...envelopeOf(ctx, { idParts: ['link', ...idParts], sourceEventId, occurredAt, sequence: 0 }),
    boardId: null,
    itemId: null,
    itemKey: null,
    type,
    payload,
  };
}

/** Links identify by their two ends (see the contract), so ids derive from them. */
const endsOf = (payload: ItemLinkPayload) => [payload.blocker.id ?? payload.blocker.key ?? '', payload.dependent.id ?? payload.dependent.key ?? ''];

/** `issuelink_created` / `issuelink_deleted` as one link event, or none for a non-dependency link. */
export function issueLinkWebhookEvents(body: JiraIssueLinkWebhook, ctx: NormalisationContext): CanonicalEvent[] {
  const { issueLink } = body;
  const direction = dependencyDirectionOf(issueLink.issueLinkType);
  if (direction === null) return [];
  const source: Ref = { id: issueLink.sourceIssueId, key: null };
  const destination: Ref = { id: issueLink.destinationIssueId, key: null };
  const [blocker, dependent] = direction === 'outward-blocks' ? [source, destination] : [destination, source];
  const payload = { linkId: issueLink.id, linkType: issueLink.issueLinkType?.name ?? '', blocker, dependent };
  const deleted = body.webhookEvent === 'issuelink_deleted';
  const occurredAt = firstInstant(ctx.receivedAt, body.timestamp);
  return [
    linkEvent(ctx, deleted ? 'ItemLinkDeleted' : 'ItemLinkCreated', payload, occurredAt, `issuelink:${issueLink.id}:${body.webhookEvent}`, [
      ...endsOf(payload),
      deleted ? 'deleted' : 'created',
      occurredAt,
    ]),
  ];
}

/**
 * The dependency links an issue payload carries in `fields.issuelinks`, as link creations. The
 * event id depends only on the link's ends, so every later payload that still shows the link
 * collapses into the first one (whose time is when Flowlens first saw it).
 */
export function issueLinksFieldEvents(
  issue: { id: string; key: string; fields?: Record<string, unknown> | undefined },
  ctx: NormalisationContext,
  observedAt: string,
): CanonicalEvent[] {
  const parsed = jiraIssueLinksFieldSchema.safeParse(issue.fields?.['issuelinks']);
  if (!parsed.success) return [];
  const self: Ref = { id: issue.id, key: issue.key };
  const events: CanonicalEvent[] = [];
  for (const entry of parsed.data) {
    const direction = dependencyDirectionOf(entry.type);
    const other = entry.inwardIssue ?? entry.outwardIssue;
    if (direction === null || !other || (!other.id && !other.key)) continue;
    const ref: Ref = { id: other.id ?? null, key: other.key ?? null };
    // "This issue <inward> inwardIssue" (is blocked by): the other end is the link's outward side.
    const thisIsOutward = !entry.inwardIssue;
    const thisBlocks = thisIsOutward === (direction === 'outward-blocks');
    const [blocker, dependent] = thisBlocks ? [self, ref] : [ref, self];
    const payload = { linkId: entry.id ?? null, linkType: entry.type?.name ?? '', blocker, dependent };
    const ends = [blocker.id ?? blocker.key ?? '', dependent.id ?? dependent.key ?? ''];
    events.push(linkEvent(ctx, 'ItemLinkCreated', payload, observedAt, `issuelinks:${issue.id}:${entry.id ?? ends.join('>')}`, [...ends, 'seen']));
  }
  return events;
}

/** Reads a changelog `Link` text ("This issue is blocked by KAN-2") as who blocks whom, or null. */
export function changelogLinkSide(text: string | null): 'other-blocks' | 'this-blocks' | null {
  const lower = (text ?? '').toLowerCase();
  if (lower.includes('is blocked by') || lower.includes('depends on')) return 'other-blocks';
  if (lower.includes('blocks') || lower.includes('is depended on by')) return 'this-blocks';
  return null;
}

/**
 * Changelog `Link` items (field "Link": `to`/`from` hold the other issue's key, the texts say how
 * it relates) as link creations and deletions at the changelog's time.
 */
export function changelogLinkEvents(
  issue: { id: string; key: string },
  changelog: { id: string; items: ReadonlyArray<{ field: string; from: string | null; fromText: string | null; to: string | null; toText: string | null }> },
  occurredAt: string,
  ctx: NormalisationContext,
): CanonicalEvent[] {
  const self: Ref = { id: issue.id, key: issue.key };
  const events: CanonicalEvent[] = [];
  changelog.items.forEach((item, index) => {
    if (item.field.trim().toLowerCase() !== 'link') return;
    const added = item.to !== null && item.to !== '';
    const otherKey = added ? item.to : item.from;
    const side = changelogLinkSide(added ? item.toText : item.fromText);
    if (!otherKey || side === null) return;
    const other: Ref = { id: null, key: otherKey };
    const [blocker, dependent] = side === 'other-blocks' ? [other, self] : [self, other];
    const payload = { linkId: null, linkType: '', blocker, dependent };
    const type = added ? 'ItemLinkCreated' : 'ItemLinkDeleted';
    events.push(linkEvent(ctx, type, payload, occurredAt, `${issue.id}:${changelog.id}:link`, [issue.id, changelog.id, 'link', String(index)]));
  });
  return events;
}
