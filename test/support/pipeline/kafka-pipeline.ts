import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, createTestDatabase, eventually, KAFKA_BROKERS, KafkaProbe, setUpWorkspace, uniqueTopicPrefix } from '@flowlens/testing';

export const PIPELINE_ADMIN_TOKEN = 'admin-token-for-connector-pipeline-tests';
const PROJECTOR_GROUP = 'flowlens-projector';

/**
 * The distributed shape the Kafka e2e specs use: an ingest-gateway process and a projector + API
 * process (chDB) over the real broker and a fresh PostgreSQL database, with topics of their own.
 */
export class KafkaPipeline {
  private constructor(
    readonly gateway: AppProcess,
    readonly analytics: AppProcess,
    readonly probe: KafkaProbe,
    readonly topicPrefix: string,
    /** Environment the apps share (a spawned CLI needs the same). */
    readonly env: Record<string, string>,
    private readonly database: Awaited<ReturnType<typeof createTestDatabase>>,
    private readonly dataDir: string,
  ) {}

  static async start(gatewayEnv: Record<string, string> = {}): Promise<KafkaPipeline> {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-e2e-pipeline-'));
    const database = await createTestDatabase();
    const topicPrefix = uniqueTopicPrefix();
    const env = { DATABASE_URL: database.url, EVENT_LOG: 'kafka', KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: topicPrefix, FLOWLENS_SECRET_KEY: 'sealing-key-of-the-pipeline-tests' };
    let gateway: AppProcess | null = null;
    try {
      // The gateway first: it creates the topics the projector subscribes to.
      gateway = await AppProcess.start('ingest-gateway', { ...env, ...gatewayEnv });
      const analytics = await AppProcess.start('standalone', { ...env, FLOWLENS_ROLES: 'projector,api', FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: PIPELINE_ADMIN_TOKEN, FLOWLENS_DEMO: 'false' });
      const pipeline = new KafkaPipeline(gateway, analytics, new KafkaProbe(topicPrefix), topicPrefix, env, database, dataDir);
      try {
        await gateway.waitReady();
        await analytics.waitReady();
      } catch (error) {
        await pipeline.stop();
        throw error;
      }
      return pipeline;
    } catch (error) {
      await gateway?.stop('SIGKILL');
      await database.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The gateway's API (webhooks, dead letters, imports), optionally with a workspace key. */
  gw(apiKey?: string): ApiClient {
    const client = new ApiClient(this.gateway.url);
    return apiKey ? client.withToken(apiKey) : client;
  }

  /** A new workspace with one connector, created through the API process. */
  workspace(connector: Parameters<typeof setUpWorkspace>[2]) {
    return setUpWorkspace(new ApiClient(this.analytics.url), PIPELINE_ADMIN_TOKEN, connector);
  }

  /**
   * Resolves once the projector has committed every event appended so far (it commits after
   * ClickHouse accepted them). Either group name: the plain one of today, or one namespaced by the
   * topic prefix.
   */
  async caughtUp(timeoutMs = 90_000): Promise<void> {
    const lag = async () => (await this.probe.lag(PROJECTOR_GROUP)).lag;
    await eventually(lag, (n) => n === 0, { timeoutMs, intervalMs: 200, what: 'projector caught up' });
  }

  async stop(): Promise<void> {
    await Promise.all([this.gateway.stop('SIGKILL'), this.analytics.stop('SIGKILL')]);
    await this.probe.close();
    await this.database.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
