import { firingByBoard } from '../../lib/alert-data';
import type { AlertInstance, AlertRule, Items } from '../../lib/alert-types';
import { useApi } from '../../lib/use-api';

/** Firing alerts per board (rules scoped to that board), from the alerts and the rules the API lists. */
export function useFiringByBoard(): Map<string, AlertInstance[]> {
  const alerts = useApi<Items<AlertInstance>>('alerts', new URLSearchParams({ state: 'firing' }));
  const rules = useApi<Items<AlertRule>>('alert-rules');
  return alerts.data && rules.data ? firingByBoard(alerts.data.items, rules.data.items) : new Map();
}

/**
 * The number of firing alerts of a board's rules. A count over two answers (alerts joined with
 * their rules' scope) is no single API field, so it carries `data-alerts-firing`, not `data-figure`;
 * the ids it counts are in `data-alert-ids`.
 */
export function AlertBadge({ alerts }: { alerts: readonly AlertInstance[] | undefined }) {
  if (!alerts || alerts.length === 0) return null;
  return (
    <span className="badge badge-bad" title="Firing alerts of this board's rules (see Alerts)" aria-label={`${alerts.length} firing alert(s)`} data-alerts-firing={alerts.length} data-alert-ids={alerts.map((a) => a.id).join(' ')}>
      {alerts.length} firing
    </span>
  );
}
