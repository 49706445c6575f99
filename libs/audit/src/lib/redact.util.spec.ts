import { REDACTED, redactSecrets } from './redact.util';

describe('redactSecrets', () => {
  it('hides secret-looking fields at any depth and keeps the rest', () => {
    const input = {
      id: 'c-1',
      name: 'Jira',
      secret: 's3cret-value',
      webhookToken: 'tok',
      tokenWebhookPath: '/webhooks/jira/c-1?token=tok',
      settings: { storyPointsField: 'customfield_1', auth: { password: 'p', apiKey: 'k' } },
      channels: [{ url: 'https://hooks.slack.com/x', clientSecret: 'x' }],
    };
    expect(redactSecrets(input, ['url'])).toEqual({
      id: 'c-1',
      name: 'Jira',
      secret: REDACTED,
      webhookToken: REDACTED,
      tokenWebhookPath: REDACTED,
      settings: { storyPointsField: 'customfield_1', auth: { password: REDACTED, apiKey: REDACTED } },
      channels: [{ url: REDACTED, clientSecret: REDACTED }],
    });
  });

  it('keeps a cleared secret visible as null, turns dates into ISO strings and leaves scalars alone', () => {
    expect(redactSecrets({ secret: null, at: new Date('2026-01-02T03:04:05.000Z') })).toEqual({ secret: null, at: '2026-01-02T03:04:05.000Z' });
    expect(redactSecrets('plain')).toBe('plain');
    expect(redactSecrets(null)).toBeNull();
  });
});
