import type { ChannelType } from '../../lib/alert-types';

export interface ChannelDraft {
  type: ChannelType;
  name: string;
  url: string;
  to: string;
  secret: string;
}

export const emptyChannelDraft = (): ChannelDraft => ({ type: 'log', name: '', url: '', to: '', secret: '' });

/** Which fields a channel type takes (api.md "Alerts"): webhook url + secret, slack url, email to; log nothing. */
export const CHANNEL_FIELDS: Record<ChannelType, ReadonlyArray<'url' | 'to' | 'secret'>> = { webhook: ['url', 'secret'], slack: ['url'], email: ['to'], log: [] };

/** The POST body: only the fields of the type, empty ones left out so the API names what is missing. */
export function channelBodyOf(d: ChannelDraft): { type: ChannelType; name: string; url?: string; to?: string[]; secret?: string } {
  const body: { type: ChannelType; name: string; url?: string; to?: string[]; secret?: string } = { type: d.type, name: d.name.trim() };
  const fields = CHANNEL_FIELDS[d.type];
  if (fields.includes('url') && d.url.trim()) body.url = d.url.trim();
  if (fields.includes('secret') && d.secret) body.secret = d.secret;
  const to = d.to.split(/[,\s;]+/).map((s) => s.trim()).filter(Boolean);
  if (fields.includes('to') && to.length) body.to = to;
  return body;
}
