import type { JiraConnectorSettings } from '../schema/jira-connector-settings.schema';
import type { JiraChangelogItem } from '../schema/jira-issue.schema';
import { classifyChangelogItem } from './changelog-item.classifier';
import { rewindMultiValued, sideValue } from './changelog-values';
import { isSetText, keyPrefixOf } from './field-values.util';
import type { IssueState } from './issue-state';

/**
 * The state before a changelog, given the state after it: each tracked item is undone by
 * restoring its `from` side. Items are undone last-to-first, which matters only for repeated
 * multi-valued items.
 */
export function rewindChangelog(after: IssueState, items: readonly JiraChangelogItem[], settings: JiraConnectorSettings): IssueState {
  let state = after;
  for (const item of [...items].reverse()) {
    const kind = classifyChangelogItem(item, settings);
    if (kind === null) continue;
    switch (kind) {
      case 'status':
        state = { ...state, status: item.from ? { id: item.from, name: item.fromText || item.from } : state.status };
        break;
      case 'key':
        state = item.fromText ? { ...state, key: item.fromText, boardId: keyPrefixOf(item.fromText) ?? state.boardId } : state;
        break;
      case 'flag':
        state = { ...state, flagged: isSetText(item.fromText ?? item.from) };
        break;
      case 'components':
      case 'fixVersions':
        state = { ...state, fields: { ...state.fields, [kind]: rewindMultiValued(state.fields[kind], item) } };
        break;
      default:
        state = { ...state, fields: { ...state.fields, ...sideValue(item, kind, 'from') } };
    }
  }
  return state;
}
