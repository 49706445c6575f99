import { acceptedSecrets } from './connector.repository';

describe('acceptedSecrets', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');
  const rotated = { secret: 'new-secret', previousSecret: 'old-secret', previousSecretValidUntil: new Date('2026-05-01T12:00:01.000Z') };

  it('accepts the previous secret only before its deadline', () => {
    expect(acceptedSecrets(rotated, now)).toEqual(['new-secret', 'old-secret']);
    expect(acceptedSecrets(rotated, new Date('2026-05-01T12:00:01.000Z'))).toEqual(['new-secret']);
  });

  it('accepts none for an unsigned connector and ignores a previous secret without a deadline', () => {
    expect(acceptedSecrets({ secret: null, previousSecret: null, previousSecretValidUntil: null }, now)).toEqual([]);
    expect(acceptedSecrets({ secret: 's', previousSecret: 'p', previousSecretValidUntil: null }, now)).toEqual(['s']);
  });
});
