import { Presets, SingleBar } from 'cli-progress';

/** A progress bar with counts and ETA on stderr (stdout stays clean for results). */
export function progressBar(label: string): SingleBar {
  return new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
      stream: process.stderr,
      // In CI and pipes there is no TTY: still print, but only now and then.
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
}
