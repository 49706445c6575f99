import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerting: channels, rules, their instances, the delivery outbox and digests. A delivery row is the
 * outbox entry: written in the transaction that changes an instance, sent by the dispatcher; its id is
 * the notification's Idempotency-Key.
 */
export class Alerting1796500000000 implements MigrationInterface {
  name = 'Alerting1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert_channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        type varchar(16) NOT NULL CHECK (type IN ('webhook', 'slack', 'email', 'log')),
        name varchar(200) NOT NULL,
        url_sealed text,
        recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
        secret_sealed text,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(`CREATE INDEX alert_channels_workspace_idx ON alert_channels (workspace_id) WHERE deleted_at IS NULL`);
    await db.query(`
      CREATE TABLE alert_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        kind varchar(32) NOT NULL,
        scope jsonb NOT NULL,
        params jsonb NOT NULL,
        severity varchar(16) NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        channel_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        for_minutes double precision NOT NULL DEFAULT 0,
        repeat_hours double precision NOT NULL DEFAULT 24,
        notify_resolved boolean NOT NULL DEFAULT true,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(`CREATE INDEX alert_rules_workspace_idx ON alert_rules (workspace_id) WHERE deleted_at IS NULL`);
    await db.query(`
      CREATE TABLE alert_instances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        rule_id uuid NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
        subject_type varchar(16) NOT NULL,
        subject_id varchar(300) NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
        value double precision,
        threshold double precision,
        condition_since timestamptz NOT NULL,
        started_at timestamptz,
        resolved_at timestamptz,
        last_notified_at timestamptz,
        acknowledged_at timestamptz,
        snoozed_until timestamptz,
        history jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX alert_instances_open_subject_idx ON alert_instances (rule_id, subject_type, subject_id) WHERE state <> 'resolved'`);
    await db.query(`CREATE INDEX alert_instances_workspace_state_idx ON alert_instances (workspace_id, state)`);
    await db.query(`
      CREATE TABLE digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        portfolio_id uuid,
        channel_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        weekday smallint NOT NULL DEFAULT 1 CHECK (weekday BETWEEN 1 AND 7),
        hour smallint NOT NULL DEFAULT 8 CHECK (hour BETWEEN 0 AND 23),
        last_sent_for varchar(10),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE alert_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES alert_channels(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('alert', 'digest', 'test')),
        rule_id uuid REFERENCES alert_rules(id) ON DELETE SET NULL,
        digest_id uuid REFERENCES digests(id) ON DELETE SET NULL,
        status varchar(16) NOT NULL DEFAULT 'retrying' CHECK (status IN ('retrying', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE status = 'retrying'`);
    await db.query(`CREATE INDEX alert_deliveries_workspace_idx ON alert_deliveries (workspace_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alert_deliveries`);
    await db.query(`DROP TABLE digests`);
    await db.query(`DROP TABLE alert_instances`);
    await db.query(`DROP TABLE alert_rules`);
    await db.query(`DROP TABLE alert_channels`);
  }
}
