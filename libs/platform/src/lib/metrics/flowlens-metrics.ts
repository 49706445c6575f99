import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Runs just before a scrape to refresh gauges that are read, not counted (lag, open dead letters). */
export type ScrapeHook = () => Promise<void> | void;

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];

/**
 * The process' Prometheus metrics, one definition per name (docs/operations.md lists them). A
 * plain object rather than only a Nest provider, so adapters outside the DI graph (the log's
 * group commit) record into the same registry.
 */
export class FlowlensMetrics {
  readonly registry = new Registry();
  private readonly hooks: ScrapeHook[] = [];

  readonly webhooksReceived = new Counter({ name: 'flowlens_webhooks_received_total', help: 'Webhook deliveries received', labelNames: ['source'], registers: [this.registry] });
  readonly webhooksAccepted = new Counter({ name: 'flowlens_webhooks_accepted_total', help: 'Webhook deliveries answered 2xx (events, duplicates, ignored or dead-lettered)', labelNames: ['source', 'outcome'], registers: [this.registry] });
  readonly webhooksRejected = new Counter({ name: 'flowlens_webhooks_rejected_total', help: 'Webhook deliveries refused, by error code', labelNames: ['source', 'reason'], registers: [this.registry] });
  readonly appendSeconds = new Histogram({ name: 'flowlens_log_append_seconds', help: 'Time a delivery waits for its durable append', labelNames: ['log'], buckets: SECONDS, registers: [this.registry] });
  readonly appendGroupSize = new Histogram({ name: 'flowlens_log_append_group_size', help: 'Deliveries sharing one durable write (group commit)', labelNames: ['log'], buckets: SIZES, registers: [this.registry] });
  readonly consumerLag = new Gauge({ name: 'flowlens_consumer_lag', help: 'Log offsets a consumer group has still to process', labelNames: ['group', 'topic'], registers: [this.registry] });
  readonly projectorBatchSize = new Histogram({ name: 'flowlens_projector_batch_size', help: 'Records per projector batch', labelNames: ['topic'], buckets: SIZES, registers: [this.registry] });
  readonly projectorInsertSeconds = new Histogram({ name: 'flowlens_projector_insert_seconds', help: 'Time ClickHouse takes to accept a projector batch', labelNames: ['topic'], buckets: SECONDS, registers: [this.registry] });
  readonly httpSeconds = new Histogram({ name: 'flowlens_http_request_seconds', help: 'HTTP request latency by route template', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers: [this.registry] });
  readonly deadLettersOpen = new Gauge({ name: 'flowlens_dead_letters_open', help: 'Dead letters not yet re-driven or discarded', registers: [this.registry] });
  readonly alertCycleSeconds = new Histogram({ name: 'flowlens_alert_cycle_seconds', help: 'Time one alert evaluation cycle takes (every enabled rule)', buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [this.registry] });
  readonly alertRulesEvaluated = new Counter({ name: 'flowlens_alert_rules_evaluated_total', help: 'Alert rules evaluated by scheduled cycles, by outcome', labelNames: ['outcome'], registers: [this.registry] });
  readonly alertNotifications = new Counter({ name: 'flowlens_alert_notifications_total', help: 'Notifications written to the outbox by scheduled cycles (one per rule, channel and evaluation)', registers: [this.registry] });
  readonly forecastsRunning = new Gauge({ name: 'flowlens_forecasts_running', help: 'Monte Carlo forecasts on worker threads or waiting for one', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Registers a refresh run before each scrape (e.g. count open dead letters). */
  onScrape(hook: ScrapeHook): void {
    this.hooks.push(hook);
  }

  /** For a group-committing log adapter: `size` deliveries were made durable by one write. */
  observeAppendGroup(log: string, size: number): void {
    this.appendGroupSize.observe({ log }, size);
  }

  /** The Prometheus text exposition, after every hook ran (a failing hook leaves its gauge stale). */
  async scrape(onHookError: (error: unknown) => void = () => undefined): Promise<string> {
    await Promise.all(this.hooks.map(async (hook) => Promise.resolve().then(hook).catch(onHookError)));
    return this.registry.metrics();
  }
}

/** The one registry of this process. */
export const flowlensMetrics = new FlowlensMetrics();
