/** A failure the user can act on: printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Runs a command action; any error becomes one readable line on stderr and a non-zero exit. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      const message = (error as Error).message?.split('\n')[0] ?? String(error);
      process.stderr.write(`flowlens: ${message}\n`);
      process.exitCode = 1;
    }
  };
}
