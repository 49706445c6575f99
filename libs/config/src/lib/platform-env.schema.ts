import { z } from 'zod';
import {
  envBoolean,
  envHostList,
  envInt,
  envOptionalString,
  envPort,
  envString,
  envUrl,
  logLevelSchema,
} from './env.fragments';

/** Settings every Flowlens process shares. Each app's schema extends the fragments it needs. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['development', 'production', 'test']).default('development')),
  LOG_LEVEL: logLevelSchema,
  /** `auto` (default): short coloured lines on a terminal, JSON lines otherwise; or `json` / `pretty`. */
  LOG_FORMAT: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['auto', 'json', 'pretty']).default('auto')),
  /** Where embedded engines keep their data (chDB, PGlite, the embedded log). */
  FLOWLENS_DATA_DIR: envString('./data'),
});

export const httpEnvSchema = z.object({
  PORT: envPort(3000),
  HOST: envString('0.0.0.0'),
  /** Largest accepted request body, e.g. `1mb`, `512kb`. */
  HTTP_BODY_LIMIT: envString('1mb').refine((v) => /^\d+(b|kb|mb)$/i.test(v), 'must look like 512kb or 1mb'),
  SHUTDOWN_TIMEOUT_MS: envInt(15000, 100),
  /** Requests a minute one workspace API key may make (429 with Retry-After above it); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: envInt(1200, 0),
  /** Origins allowed to call the API from a browser (comma-separated, or `*`). Unset: CORS off, same origin only. */
  CORS_ORIGINS: z.preprocess(
    (v) => (v === '' || v === undefined ? [] : String(v).split(',').map((s) => s.trim()).filter(Boolean)),
    z.array(z.string().refine((o) => o === '*' || /^https?:\/\/[^\s/]+$/.test(o), 'each origin must look like https://host[:port] (no path), or *')),
  ),
  /**
   * Where sources reach Flowlens (scheme, host, optional path prefix), e.g. https://flowlens.example.com.
   * Trello signs its callback URL: with this set, a connector without a stored callbackUrl is
   * checked against FLOWLENS_PUBLIC_URL + its webhook path, and answers carry the full webhookUrl.
   */
  FLOWLENS_PUBLIC_URL: envUrl(['http', 'https']).refine((v) => v === undefined || !/[?#]/.test(v), 'must have no query or fragment'),
  /** Believe X-Forwarded-Proto / X-Forwarded-Host: set only behind a proxy that overwrites them. */
  TRUST_PROXY: envBoolean(false),
});

export const eventLogEnvSchema = z.object({
  /** `embedded` (a durable local log in FLOWLENS_DATA_DIR) or `kafka`. */
  EVENT_LOG: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['embedded', 'kafka']).default('embedded')),
  KAFKA_BROKERS: envHostList('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: envString('flowlens'),
  /** Prefixed to every topic name (e.g. `staging.`), so environments can share a cluster. */
  KAFKA_TOPIC_PREFIX: z.preprocess((v) => v ?? '', z.string().regex(/^[A-Za-z0-9._-]*$/, 'may only contain letters, digits, . _ -')),
  KAFKA_SSL: envBoolean(false),
  KAFKA_SASL_USERNAME: envOptionalString(),
  KAFKA_SASL_PASSWORD: envOptionalString(),
  /** Create topics from the definition at start (disable where an init job owns topics). */
  KAFKA_CREATE_TOPICS: envBoolean(true),
  KAFKA_REPLICATION_FACTOR: envInt(1, 1, 9),
});

export const clickhouseEnvSchema = z.object({
  /** A ClickHouse server (http[s]://host:8123). Unset: the embedded chDB engine in FLOWLENS_DATA_DIR. */
  CLICKHOUSE_URL: envUrl(['http', 'https']),
  CLICKHOUSE_USER: envString('default'),
  CLICKHOUSE_PASSWORD: z.preprocess((v) => v ?? '', z.string()),
  CLICKHOUSE_DATABASE: envString('flowlens').refine((v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v), 'must be a plain identifier'),
});

export const postgresEnvSchema = z.object({
  /** postgres://user:pass@host:5432/db. Unset: embedded PGlite in FLOWLENS_DATA_DIR. */
  DATABASE_URL: envUrl(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: envInt(10, 1, 200),
});

export const secretsEnvSchema = z.object({
  /** Seals connector secrets at rest (AES-256-GCM). Standalone generates one in the data dir. */
  FLOWLENS_SECRET_KEY: envOptionalString(),
});

export const adminEnvSchema = z.object({
  /** Bearer token of the admin endpoints (creating workspaces). */
  FLOWLENS_ADMIN_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters')),
});

export const migrationsEnvSchema = z.object({
  /** Apply pending PostgreSQL / ClickHouse migrations at start (an init job may own them instead). */
  MIGRATE_ON_START: envBoolean(true),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;
export type HttpEnv = z.infer<typeof httpEnvSchema>;
export type EventLogEnv = z.infer<typeof eventLogEnvSchema>;
export type ClickhouseEnv = z.infer<typeof clickhouseEnvSchema>;
export type PostgresEnv = z.infer<typeof postgresEnvSchema>;

/** Sending alerts, test messages and digests (channels API, dispatcher, e-mail). */
export const alertDeliveryEnvSchema = z.object({
  /** `smtp://user:pass@host:port` (plain, STARTTLS when offered) or `smtps://` (implicit TLS). Unset: e-mail channels are refused. */
  SMTP_URL: envUrl(['smtp', 'smtps']),
  /** The sender of alert e-mails. */
  ALERT_FROM: envString('Flowlens <flowlens@localhost>'),
  /** The first retry waits this long; each next one twice as long, up to one hour. */
  ALERT_RETRY_BASE_MS: envInt(30_000, 1),
  /** Tries of one delivery (the first included) before it is `failed`. */
  ALERT_RETRY_MAX: envInt(10, 1, 100),
  /** Refuse channel URLs whose host is loopback, private or link-local. */
  ALERT_BLOCK_PRIVATE_URLS: envBoolean(false),
  /** How often the dispatcher looks for due deliveries. */
  ALERT_DISPATCH_POLL_MS: envInt(1000, 20, 60_000),
  /** How long a claimed delivery is held before another dispatcher may take it (a process that died mid-send). */
  ALERT_DISPATCH_LEASE_MS: envInt(60_000, 15_000, 3_600_000),
});
export type AlertDeliveryEnv = z.infer<typeof alertDeliveryEnvSchema>;
