import { SubjectLink } from '../../components/alert-subject';
import { Figure } from '../../components/figure';
import { ErrorNote } from '../../components/query-state';
import type { AlertRule, EvaluatedInstance } from '../../lib/alert-types';
import { useApiMutation } from '../../lib/use-mutation-api';

/** "Evaluate now": the evaluation the schedule runs, at once; answers the open instances and those it resolved. */
export function EvaluatePanel({ rule, editable }: { rule: AlertRule; editable: boolean }) {
  const evaluate = useApiMutation<string, { instances: EvaluatedInstance[] }>('POST', (id) => `alert-rules/${id}/evaluate`, () => undefined);
  const instances = evaluate.data?.instances;
  return (
    <section className="panel" aria-label="Evaluate now" aria-busy={evaluate.isPending} data-panel="alert-rules-evaluate">
      <header className="panel-head">
        <div>
          <h2>Evaluate now</h2>
          <p className="panel-sub">{rule.enabled ? 'State changes and notifications are written as a scheduled evaluation writes them' : 'This rule is disabled: it answers what it finds and changes and sends nothing'}</p>
        </div>
      </header>
      {editable ? (
        <button type="button" className="btn-primary" disabled={evaluate.isPending} onClick={() => evaluate.mutate(rule.id)}>
          {evaluate.isPending ? 'Evaluating…' : 'Evaluate now'}
        </button>
      ) : (
        <p className="muted small">Evaluating on demand needs the analyst role.</p>
      )}
      {evaluate.error && <ErrorNote error={evaluate.error} />}
      {instances && instances.length === 0 && <p className="state state-empty">The condition holds for no subject: nothing pending, firing or resolved.</p>}
      {instances && instances.length > 0 && (
        <table className="table" aria-label="Evaluated instances">
          <thead>
            <tr>
              <th>subject</th>
              <th>state</th>
              <th className="num">value</th>
              <th className="num">threshold</th>
            </tr>
          </thead>
          <tbody>
            {instances.map((instance, i) => (
              <tr key={`${instance.subject.type}-${instance.subject.id}`} data-state={instance.state}>
                <td><SubjectLink subject={instance.subject} /></td>
                <td><Figure figure={`alert-rules/evaluate.instances[${i}].state`} value={instance.state} format="text" /></td>
                <td className="num"><Figure figure={`alert-rules/evaluate.instances[${i}].value`} value={instance.value} /></td>
                <td className="num"><Figure figure={`alert-rules/evaluate.instances[${i}].threshold`} value={instance.threshold} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
