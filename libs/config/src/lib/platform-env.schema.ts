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
