import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { METRIC_FILTERS, pick } from '../../lib/filters';
import { AgingPanel } from './aging.panel';
import { CfdPanel } from './cfd.panel';
import { CycleTimeHistogramPanel, CycleTimeScatterPanel } from './cycle-time.panel';
import { useFlowFilters } from './flow-params';
import { FlowDistributionPanel, FlowEfficiencyPanel, FlowFrameworkPanel, LittlesLawPanel } from './flow-health.panels';
import { SprintsPanel } from './sprints.panel';
import { ThroughputHistogramPanel, ThroughputRunPanel } from './throughput.panel';

/** Board flow: every flow chart of one board (or of all), for the URL's filters. */
export function FlowPage() {
  const { params, update } = useFlowFilters();
  const query = pick(params, METRIC_FILTERS);
  const interval = params.get('interval') ?? 'week';
  const boardId = params.get('boardId');
  return (
    <>
      <PageHeader title={boardId ? `Board ${boardId}` : 'All boards'} subtitle={`Flow from ${params.get('from')} to ${params.get('to')}${params.get('asOf') ? `, as known at ${params.get('asOf')}` : ''}`} />
      <FilterBar params={params} update={update} show={{ dates: true, board: true, type: true, team: true, asOf: true, interval: true }} />
      <div className="grid">
        <CfdPanel query={query} />
        <CycleTimeScatterPanel query={query} />
        <AgingPanel query={query} />
        <ThroughputRunPanel query={query} interval={interval} />
        <ThroughputHistogramPanel query={query} interval={interval} />
        <CycleTimeHistogramPanel query={query} />
        <FlowEfficiencyPanel query={query} />
        <FlowDistributionPanel query={query} />
        <FlowFrameworkPanel query={query} />
        <LittlesLawPanel query={query} />
        <SprintsPanel query={query} />
      </div>
    </>
  );
}
