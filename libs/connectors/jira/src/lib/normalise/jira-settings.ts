import { NormalisationError, type NormalisationContext } from '@flowlens/contracts';
import { jiraConnectorSettingsSchema, type JiraConnectorSettings } from '../schema/jira-connector-settings.schema';

/** Settings are connector configuration: a bad value dead-letters the delivery until it is fixed. */
export function jiraSettingsOf(ctx: NormalisationContext): JiraConnectorSettings {
  const result = jiraConnectorSettingsSchema.safeParse(ctx.settings);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new NormalisationError(`invalid Jira connector settings: ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}`);
}
