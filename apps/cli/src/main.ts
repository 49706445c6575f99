import 'reflect-metadata';
import { Command } from 'commander';
import { loadConfigOrExit } from '@flowlens/config';
import { cliEnvSchema } from './cli.env';
import { action } from './cli-error';
import { migrateCommand } from './commands/migrate.command';
import { topicsCommand } from './commands/topics.command';

const program = new Command('flowlens')
  .description('Flowlens operations: migrations, topics, imports, rebuilds, demo data. Settings come from the same environment variables as the apps.')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode);
  });

const env = () => loadConfigOrExit(cliEnvSchema);

program.command('migrate').description('apply pending PostgreSQL and ClickHouse migrations').action(action(() => migrateCommand(env())));
program.command('topics').description('create the Kafka topics from their definition').action(action(() => topicsCommand(env())));

void program.parseAsync(process.argv);
