import 'reflect-metadata';
import { Command } from 'commander';
import { loadConfigOrExit } from '@flowlens/config';
import { cliEnvSchema } from './cli.env';
import { action } from './cli-error';
import { migrateCommand } from './commands/migrate.command';
import { rebuildCommand } from './commands/rebuild.command';
import { topicsCommand } from './commands/topics.command';
import { importCommand } from './commands/import/import.command';

const program = new Command('flowlens')
  .description('Flowlens operations: migrations, topics, imports, rebuilds, demo data. Settings come from the same environment variables as the apps.')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode);
  });

const env = () => loadConfigOrExit(cliEnvSchema);

program.command('migrate').description('apply pending PostgreSQL and ClickHouse migrations').action(action(() => migrateCommand(env())));
program
  .command('rebuild')
  .description('rebuild every ClickHouse projection from the log (embedded journal or Kafka from offset 0)')
  .option('-y, --yes', 'do not describe what is about to happen')
  .action(action((options: { yes?: boolean }) => rebuildCommand(env(), { yes: Boolean(options.yes) })));
program.command('topics').description('create the Kafka topics from their definition').action(action(() => topicsCommand(env())));
program.addCommand(importCommand(env));

void program.parseAsync(process.argv);
