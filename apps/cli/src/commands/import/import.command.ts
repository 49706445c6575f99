import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command } from 'commander';
import { type ImportRequest, importRequestSchema } from '@flowlens/feature-imports';
import type { CliEnv } from '../../cli.env';
import { action, CliError } from '../../cli-error';
import { resumeImport, startImport, withImportContext } from './import-run';
import { describeInvalidOptions } from './readable-error';
import { importTeams } from './teams-import.command';

type Options = Record<string, string | undefined>;

function request(input: Record<string, unknown>): ImportRequest {
  const parsed = importRequestSchema.safeParse(input);
  if (!parsed.success) throw new CliError(describeInvalidOptions(parsed.error, input));
  return parsed.data;
}

async function importJira(env: CliEnv, o: Options): Promise<void> {
  if (o['resume']) return withImportContext(env, (ctx) => resumeImport(ctx, o['resume'] as string, ['jira-rest']));
  if (o['bearer'] && (o['email'] || o['token'])) throw new CliError('give either --email with --token, or --bearer, not both');
  if (!o['bearer'] && !(o['email'] && o['token'])) throw new CliError('credentials are required: --email and --token (API token), or --bearer');
  const auth = o['bearer'] ? { kind: 'bearer', token: o['bearer'] } : { kind: 'basic', email: o['email'], apiToken: o['token'] };
  const pageSize = o['pageSize'] === undefined ? undefined : Number(o['pageSize']);
  const req = request({ kind: 'jira-rest', connectorId: o['connector'], baseUrl: o['baseUrl'], jql: o['jql'], auth, ...(pageSize === undefined ? {} : { pageSize }) });
  return withImportContext(env, (ctx) => startImport(ctx, req));
}

async function importTrello(env: CliEnv, o: Options): Promise<void> {
  if (o['resume']) return withImportContext(env, (ctx) => resumeImport(ctx, o['resume'] as string, ['trello-rest']));
  const req = request({ kind: 'trello-rest', connectorId: o['connector'], boardId: o['board'], key: o['key'], token: o['token'], ...(o['baseUrl'] ? { baseUrl: o['baseUrl'] } : {}) });
  return withImportContext(env, (ctx) => startImport(ctx, req));
}

async function importFile(env: CliEnv, path: string | undefined, o: Options): Promise<void> {
  if (o['resume']) return withImportContext(env, (ctx) => resumeImport(ctx, o['resume'] as string, ['jira-file', 'trello-file']));
  if (!o['connector']) throw new CliError('--connector is required');
  if (!path) throw new CliError('the export file is required: flowlens import file --connector <id> <path>');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let file: unknown;
  try {
    file = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const connectorId = o['connector'];
  return withImportContext(env, async (ctx) => {
    const connector = await ctx.connectors.findById(connectorId);
    if (!connector) throw new CliError(`no connector with id ${connectorId}`);
    if (connector.type === 'generic') throw new CliError(`connector ${connectorId} is a generic connector: file imports take a Jira issues export or a Trello board export`);
    const req = request({ kind: connector.type === 'jira' ? 'jira-file' : 'trello-file', connectorId, file, fileName: basename(path) });
    await startImport(ctx, req, { path: resolve(path), bytes });
  });
}

const RESUME = ['--resume <jobId>', 'continue a stopped, killed or failed import from its checkpoint (other options are then ignored)'] as const;

/** `flowlens import jira|trello|file|teams`: runs the import in this process (with a progress bar for events). */
export function importCommand(env: () => CliEnv): Command {
  const command = new Command('import').description('back-fill history into the log from Jira or Trello REST, or from an export file (resumable)');
  command
    .command('jira')
    .description('Jira Cloud REST back-fill: the issues a JQL selects, each with its full changelog')
    .option('--connector <id>', 'the Jira connector the events belong to')
    .option('--base-url <url>', 'site root, e.g. https://acme.atlassian.net')
    .option('--jql <jql>', 'which issues, e.g. "project = KAN ORDER BY created ASC"')
    .option('--email <email>', 'account e-mail (basic auth, with --token)')
    .option('--token <token>', 'API token (basic auth, with --email)')
    .option('--bearer <token>', 'an OAuth 2.0 bearer token instead of --email/--token')
    .option('--page-size <n>', 'issues per search page, at most 100')
    .option(...RESUME)
    .action(action((o: Options) => importJira(env(), o)));
  command
    .command('trello')
    .description("Trello REST back-fill: a board's action history")
    .option('--connector <id>', 'the Trello connector the events belong to')
    .option('--board <id>', 'board id (24 hex digits) or short link')
    .option('--key <key>', 'Trello API key')
    .option('--token <token>', 'Trello member token')
    .option('--base-url <url>', 'API root (default https://api.trello.com)')
    .option(...RESUME)
    .action(action((o: Options) => importTrello(env(), o)));
  command
    .command('file')
    .description('import a Jira issues export (with changelogs) or a Trello board JSON export')
    .argument('[path]', 'the export file')
    .option('--connector <id>', 'a Jira or Trello connector; its type says how the file is read')
    .option(...RESUME)
    .action(action((path: string | undefined, o: Options) => importFile(env(), path, o)));
  command
    .command('teams')
    .description('create or replace teams (members, calendars, absences, cost, target mix) from a CSV file; see docs/capacity.md')
    .argument('<path>', 'the CSV file')
    .option('--workspace <id>', 'the workspace (needed when there is more than one)')
    .action(action((path: string, o: Options) => importTeams(env(), path, o['workspace'])));
  return command;
}
