import { useState } from 'react';
import { snoozeUntil } from '../../lib/alert-data';
import type { AlertInstance } from '../../lib/alert-types';
import { useApiMutation } from '../../lib/use-mutation-api';

const SNOOZE_HOURS: ReadonlyArray<[number, string]> = [
  [1, '1 hour'],
  [4, '4 hours'],
  [24, '1 day'],
  [168, '1 week'],
];

/** Acknowledge and snooze of one open alert (analysts and admins; the page hides them from viewers). */
export function AlertActions({ alert, onError }: { alert: AlertInstance; onError: (error: Error | null) => void }) {
  const [hours, setHours] = useState(4);
  const ack = useApiMutation<string>('POST', (id) => `alerts/${id}/ack`, () => undefined);
  const snooze = useApiMutation<{ id: string; until: string }>('POST', (b) => `alerts/${b.id}/snooze`, (b) => ({ until: b.until }));
  const handlers = { onSuccess: () => onError(null), onError: (e: Error) => onError(e) };
  if (alert.state === 'resolved') return null;
  return (
    <div className="form-row" style={{ gap: 6, flexWrap: 'nowrap' }}>
      <button type="button" className="btn-ghost" disabled={alert.acknowledgedAt !== null || ack.isPending} onClick={() => ack.mutate(alert.id, handlers)} aria-label={`Acknowledge alert ${alert.id}`}>
        {alert.acknowledgedAt ? 'Acknowledged' : 'Acknowledge'}
      </button>
      <select aria-label="Snooze for" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
        {SNOOZE_HOURS.map(([h, label]) => (
          <option key={h} value={h}>
            {label}
          </option>
        ))}
      </select>
      <button type="button" className="btn-ghost" disabled={snooze.isPending} onClick={() => snooze.mutate({ id: alert.id, until: snoozeUntil(hours) }, handlers)}>
        Snooze
      </button>
    </div>
  );
}
