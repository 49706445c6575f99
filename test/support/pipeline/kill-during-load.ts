import { issueCreated, issueTransitioned, signJira } from '../jira-webhooks';

/** One Jira delivery with its retry-stable identifier (X-Atlassian-Webhook-Identifier). */
export interface IdentifiedDelivery {
  readonly id: string;
  readonly body: string;
}

/** Per item of `project`: created, then moved to Done. Each list is sent in order. */
export function createdThenDone(project: string, items: number, now: number): IdentifiedDelivery[][] {
  return Array.from({ length: items }, (_, i) => {
    const n = i + 1;
    const start = now - (5 + (n % 4)) * 86_400_000;
    return [
      { id: `${project}-${n}-created`, body: JSON.stringify(issueCreated(n, start, { project })) },
      { id: `${project}-${n}-done`, body: JSON.stringify(issueTransitioned(n, start + 86_400_000, 'To Do', 'Done', 70_000 + n, { project })) },
    ];
  });
}

/** POSTs one delivery as Jira does; resolves with the status, or null when the connection failed. */
export async function postJira(baseUrl: string, path: string, secret: string, delivery: IdentifiedDelivery): Promise<number | null> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': signJira(delivery.body, secret), 'x-atlassian-webhook-identifier': delivery.id },
      body: delivery.body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Sends the items' deliveries over `concurrency` parallel senders (each item's in order) and calls
 * `kill` once `killAfter` have been acknowledged with 202, while the rest are in flight. Returns
 * the identifiers acknowledged and, per item, the deliveries that were not (to be retried, as Jira
 * retries what it got no 2xx for).
 */
export async function sendAndKill(
  items: readonly IdentifiedDelivery[][],
  send: (delivery: IdentifiedDelivery) => Promise<number | null>,
  options: { concurrency: number; killAfter: number; kill: () => Promise<unknown> },
): Promise<{ acked: Set<string>; unacked: IdentifiedDelivery[][] }> {
  const acked = new Set<string>();
  const unacked: IdentifiedDelivery[][] = [];
  let killing: Promise<unknown> | null = null;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as IdentifiedDelivery[];
        let sent = 0;
        while (sent < item.length && !killing) {
          if ((await send(item[sent] as IdentifiedDelivery)) !== 202) break;
          acked.add((item[sent] as IdentifiedDelivery).id);
          sent++;
          if (acked.size >= options.killAfter) killing ??= options.kill();
        }
        if (sent < item.length) unacked.push(item.slice(sent));
      }
    }),
  );
  await killing;
  return { acked, unacked };
}

/** Retries what was not acknowledged, each item's deliveries in order; every answer must be 202. */
export async function retryAll(unacked: readonly IdentifiedDelivery[][], send: (delivery: IdentifiedDelivery) => Promise<number | null>): Promise<number[]> {
  const statuses: number[] = [];
  await Promise.all(
    unacked.map(async (item) => {
      for (const delivery of item) statuses.push((await send(delivery)) ?? 0);
    }),
  );
  return statuses;
}
