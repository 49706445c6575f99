import type { FetchLike, FetchResponseLike } from '../backfill/jira-rest.client';

export interface FakeReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface FakeCall {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/** Test-only fetch: answers each call with `route(call)`; a thrown error is a network failure. */
export function fakeFetch(route: (call: FakeCall) => FakeReply): { fetch: FetchLike; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call = { method: init.method, url: new URL(url), headers: init.headers, body: init.body };
    calls.push(call);
    const reply = route(call);
    const headers = new Map(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const response: FetchResponseLike = {
      status: reply.status,
      headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
      text: async () => (typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {})),
    };
    return response;
  };
  return { fetch, calls };
}

/** Replies from a script, one per call, repeating the last one. */
export function scripted(replies: readonly FakeReply[]): (call: FakeCall) => FakeReply {
  let index = 0;
  return () => {
    const reply = replies[Math.min(index, replies.length - 1)];
    index += 1;
    if (!reply) throw new Error('no scripted reply');
    return reply;
  };
}
