import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { readTeamsCsv } from '@flowlens/capacity';
import { BoardOwnedError, createDataSourceOptions, persistenceOptionsFromEnv, runPostgresMigrations, TeamRepository, WorkspaceRepository } from '@flowlens/persistence';
import type { CliEnv } from '../../cli.env';
import { CliError } from '../../cli-error';

/**
 * `flowlens import teams <file.csv>`: every row is checked first; with any bad row nothing is
 * written. Then each team is created, or replaced when the workspace has one of that name.
 */
export async function importTeams(env: CliEnv, path: string, workspaceId: string | undefined): Promise<void> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { teams, errors } = readTeamsCsv(text);
  if (errors.length) {
    for (const line of errors) process.stderr.write(`flowlens: ${path}: ${line}\n`);
    throw new CliError(`${errors.length} problem(s) in ${path}; no team was imported`);
  }
  const db = new DataSource(createDataSourceOptions(persistenceOptionsFromEnv(env)));
  await db.initialize();
  try {
    if (env.MIGRATE_ON_START) await runPostgresMigrations(db);
    const workspace = await pickWorkspace(new WorkspaceRepository(db), workspaceId);
    const repo = new TeamRepository(db);
    const existing = new Map((await repo.list(workspace)).map((t) => [t.name, t.id]));
    const failed: string[] = [];
    let created = 0;
    let replaced = 0;
    for (const { name, team, rows } of teams) {
      try {
        const id = existing.get(name);
        if (id) await repo.replace(workspace, id, team);
        else await repo.create(workspace, team);
        if (id) replaced++;
        else created++;
      } catch (error) {
        if (!(error instanceof BoardOwnedError)) throw error;
        failed.push(`row ${rows[0]}: ${error.message} (team ${name})`);
      }
    }
    console.log(`teams: ${created} created, ${replaced} replaced in workspace ${workspace}`);
    if (failed.length) {
      for (const line of failed) process.stderr.write(`flowlens: ${path}: ${line}\n`);
      throw new CliError(`${failed.length} team(s) not imported`);
    }
  } finally {
    await db.destroy();
  }
}

async function pickWorkspace(workspaces: WorkspaceRepository, id: string | undefined): Promise<string> {
  if (id) {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await workspaces.findById(id) : null;
    if (!found) throw new CliError(`no workspace with id ${id}`);
    return found.id;
  }
  const all = await workspaces.list();
  if (all.length !== 1) throw new CliError(`there are ${all.length} workspaces: name one with --workspace <id>`);
  return (all[0] as (typeof all)[number]).id;
}
