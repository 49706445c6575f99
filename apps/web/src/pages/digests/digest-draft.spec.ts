import { channelNames, digestBodyOf, digestDraftOf, emptyDigestDraft, scheduleText } from './digest-draft';

describe('digest drafts', () => {
  const saved = { id: 'd1', name: 'Weekly digest', portfolioId: 'p1', channelIds: ['c2', 'c1'], weekday: 5, hour: 17, lastSentFor: null, createdAt: '2026-11-30T08:00:00.000Z' };

  it('start from api.md defaults (Monday 08:00, the whole workspace)', () => {
    expect(digestBodyOf({ ...emptyDigestDraft(), name: ' PMO ', channelIds: ['c1'] })).toEqual({ name: 'PMO', portfolioId: null, channelIds: ['c1'], weekday: 1, hour: 8 });
  });

  it('round-trip a saved digest into the whole PUT document', () => {
    expect(digestBodyOf(digestDraftOf(saved))).toEqual({ name: 'Weekly digest', portfolioId: 'p1', channelIds: ['c2', 'c1'], weekday: 5, hour: 17 });
  });

  it('send an empty name and no channel as they are, so the API names the fields', () => {
    expect(digestBodyOf(emptyDigestDraft())).toMatchObject({ name: '', channelIds: [] });
    expect(digestBodyOf({ ...emptyDigestDraft(), channelIds: ['c1', 'c1'] }).channelIds).toEqual(['c1']);
  });

  it('read the schedule and the channels', () => {
    expect(scheduleText(1, 8)).toBe('Mondays at 08:00');
    expect(scheduleText(7, 23)).toBe('Sundays at 23:00');
    expect(channelNames(['c2', 'gone'], [{ id: 'c2', name: 'PMO mail' }])).toEqual(['PMO mail', 'deleted channel']);
  });
});
