import type { Connector } from '../../lib/api-types';

/** What to paste where in the source tool (the full guides are in docs/connectors/). */
export function SetupSteps({ connector, url }: { connector: Connector; url: string }) {
  if (connector.type === 'jira')
    return (
      <ol className="steps">
        <li>In Jira: <b>Settings → System → WebHooks → Create a WebHook</b>.</li>
        <li>URL: <code>{url}</code></li>
        <li>Secret: the secret given when this connector was created {connector.signed ? '' : '(none was given: append ?token=… from the create answer to the URL)'}.</li>
        <li>Events: Issue created, updated, deleted; Sprint started, closed; Project and version events. Save.</li>
      </ol>
    );
  if (connector.type === 'trello')
    return (
      <ol className="steps">
        <li>
          Register the webhook with Trello's API: <code>POST https://api.trello.com/1/webhooks</code> with <code>callbackURL={url}</code> and <code>idModel=&lt;board id&gt;</code>.
        </li>
        <li>Trello checks the URL with a HEAD request (answered 200) and signs each delivery with the app secret given to this connector.</li>
      </ol>
    );
  return (
    <ol className="steps">
      <li>
        POST events as JSON (the documented generic schema) to <code>{url}</code> with the connector&apos;s secret as HMAC, or append <code>?token=…</code>.
      </li>
    </ol>
  );
}
