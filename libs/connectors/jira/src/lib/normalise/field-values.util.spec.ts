import { NormalisationError } from '@flowlens/contracts';
import {
  estimateOf,
  hasBlockedLabel,
  idListOf,
  isFlaggedValue,
  keyPrefixOf,
  labelListOf,
  localDateOf,
  personOf,
  sprintIdsOf,
  teamOf,
} from './field-values.util';

describe('field values', () => {
  it('reads sprint ids from Cloud objects and Data Center strings', () => {
    expect(sprintIdsOf([{ id: 37, name: 'KAN Sprint 4' }, { id: '38' }])).toEqual(['37', '38']);
    expect(
      sprintIdsOf([
        'com.atlassian.greenhopper.service.sprint.Sprint@a29f07[rapidViewId=<null>,state=CLOSED,name=NORD - Sprint 42,startDate=2013-07-29T06:47:00.000+02:00,completeDate=<null>,id=107]',
        'com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=12,rapidViewId=3,state=ACTIVE,name=Sprint, with comma id=99,goal=<null>]',
      ]),
    ).toEqual(['107', '12']);
    expect(sprintIdsOf(null)).toEqual([]);
    expect(() => sprintIdsOf('37')).toThrow(NormalisationError);
    expect(() => sprintIdsOf([{ name: 'no id' }])).toThrow(NormalisationError);
  });

  it('splits changelog id lists and labels', () => {
    expect(idListOf('37, 38')).toEqual(['37', '38']);
    expect(idListOf('')).toEqual([]);
    expect(idListOf(null)).toEqual([]);
    expect(labelListOf('backend  blocked importer')).toEqual(['backend', 'blocked', 'importer']);
    expect(labelListOf(null)).toEqual([]);
  });

  it('recognises the blocked label in any case', () => {
    expect(hasBlockedLabel(['infra', 'BLOCKED'])).toBe(true);
    expect(hasBlockedLabel(['unblocked', 'blocker'])).toBe(false);
  });

  it('reads estimates as numbers and rejects text', () => {
    expect(estimateOf(5)).toBe(5);
    expect(estimateOf('3.5')).toBe(3.5);
    expect(estimateOf(null)).toBeNull();
    expect(estimateOf('')).toBeNull();
    expect(() => estimateOf('large')).toThrow(NormalisationError);
    expect(() => estimateOf({ value: 3 })).toThrow(NormalisationError);
  });

  it('reads teams from Atlassian teams, select options and text', () => {
    expect(teamOf({ id: 'f1', name: 'Ingest Crew' })).toBe('Ingest Crew');
    expect(teamOf({ id: 'f1', title: 'Ingest Crew' })).toBe('Ingest Crew');
    expect(teamOf({ value: 'Platform' })).toBe('Platform');
    expect(teamOf('Platform')).toBe('Platform');
    expect(teamOf(null)).toBeNull();
    expect(() => teamOf([1])).toThrow(NormalisationError);
  });

  it('treats a non-empty Flagged value as flagged', () => {
    expect(isFlaggedValue([{ value: 'Impediment' }])).toBe(true);
    expect(isFlaggedValue([])).toBe(false);
    expect(isFlaggedValue(null)).toBe(false);
  });

  it('reads local dates from fields and changelog strings', () => {
    expect(localDateOf('2024-02-09')).toBe('2024-02-09');
    expect(localDateOf('2024-02-16 00:00:00.0')).toBe('2024-02-16');
    expect(localDateOf('')).toBeNull();
    expect(() => localDateOf('16/Feb/24')).toThrow(NormalisationError);
  });

  it('identifies Cloud users by accountId and Data Center users by key, then name', () => {
    expect(personOf({ accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Marco Bianchi' })).toEqual({ id: '5b10ac8d82e05b22cc7d4ef5', name: 'Marco Bianchi' });
    expect(personOf({ name: 'lweber', key: 'JIRAUSER10100', displayName: 'Lena Weber' })).toEqual({ id: 'JIRAUSER10100', name: 'Lena Weber' });
    expect(personOf({ name: 'jsmith' })).toEqual({ id: 'jsmith', name: null });
    expect(personOf(null)).toBeNull();
    expect(() => personOf({ displayName: 'Nobody' })).toThrow(NormalisationError);
  });

  it('takes the project key from an issue key', () => {
    expect(keyPrefixOf('KAN-42')).toBe('KAN');
    expect(keyPrefixOf('MY-PROJ-7')).toBe('MY-PROJ');
    expect(keyPrefixOf('nokey')).toBeNull();
  });
});
