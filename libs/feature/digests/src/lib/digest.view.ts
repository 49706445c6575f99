import type { DigestEntity } from '@flowlens/persistence';

export interface DigestView {
  readonly id: string;
  readonly name: string;
  readonly portfolioId: string | null;
  readonly channelIds: string[];
  readonly weekday: number;
  readonly hour: number;
  readonly lastSentFor: string | null;
  readonly createdAt: string;
}

export const digestView = (d: DigestEntity): DigestView => ({
  id: d.id,
  name: d.name,
  portfolioId: d.portfolioId,
  channelIds: [...d.channelIds],
  weekday: d.weekday,
  hour: d.hour,
  lastSentFor: d.lastSentFor,
  createdAt: new Date(d.createdAt).toISOString(),
});
