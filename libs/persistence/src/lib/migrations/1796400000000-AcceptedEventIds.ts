import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Event ids the gateways appended, so a retried delivery is answered as a duplicate after any restart. */
export class AcceptedEventIds1796400000000 implements MigrationInterface {
  name = 'AcceptedEventIds1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE accepted_event_ids (
        event_id uuid PRIMARY KEY,
        accepted_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`CREATE INDEX accepted_event_ids_accepted_at ON accepted_event_ids (accepted_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE accepted_event_ids`);
  }
}
