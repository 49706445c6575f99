import { NormalisationError, PayloadSchemaError } from '@flowlens/contracts';
import { jiraFixture, jiraFixtureNames, testContext } from '../testing/jira-fixtures';
import { normaliseJiraWebhook } from './jira-webhook.normaliser';

/** File names say the outcome: `schema-*` is a 400, `normalisation-*` a dead letter. */
describe('malformed recorded payloads', () => {
  const names = jiraFixtureNames('webhooks/not-ok');

  it('covers both outcomes', () => {
    expect(names.filter((name) => name.startsWith('schema-')).length).toBeGreaterThanOrEqual(5);
    expect(names.filter((name) => name.startsWith('normalisation-')).length).toBeGreaterThanOrEqual(5);
    expect(names.every((name) => /^(schema|normalisation)-/.test(name))).toBe(true);
  });

  it.each(names)('not-ok/%s fails the way its name says', (name) => {
    const expected = name.startsWith('schema-') ? PayloadSchemaError : NormalisationError;
    expect(() => normaliseJiraWebhook(jiraFixture(`webhooks/not-ok/${name}`), testContext())).toThrow(expected);
  });
});
