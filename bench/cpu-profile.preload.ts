// Preloaded (NODE_OPTIONS=--require) into a Flowlens process by bench:webhooks when
// BENCH_PROFILE_DIR is set: Node 20 refuses --cpu-prof in NODE_OPTIONS, so profile via the inspector.
// SIGUSR2 restarts the profile, so what is written at exit covers only the load (not the start-up).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env['BENCH_PROFILE_DIR'] as string;
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('SIGUSR2', () => {
  session.post('Profiler.stop', () => session.post('Profiler.start'));
});
process.on('exit', () => {
  // An in-thread session answers synchronously, so this completes inside the exit handler.
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(dir, `flowlens-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
