import { ApiRequestError } from '../lib/api-client';

/** The API's refusal next to a form: its message, and each field it named. */
export function ApiErrors({ error }: { error: Error }) {
  const details = error instanceof ApiRequestError ? error.details : [];
  return (
    <div className="state state-error" role="alert">
      <strong>{error instanceof ApiRequestError && error.status === 403 ? `Not allowed: ${error.message}` : error.message}</strong>
      {details.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {details.map((d, i) => (
            <li key={i}>
              {d.path && <code>{d.path}</code>} {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
