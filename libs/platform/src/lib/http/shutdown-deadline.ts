let installed = false;

/**
 * Graceful shutdown flushes in-flight batches, but must not hang forever: past the deadline the
 * process exits non-zero so an orchestrator can see it did not stop cleanly.
 */
export function installShutdownDeadline(timeoutMs: number): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`shutdown did not finish within ${timeoutMs} ms; exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
