// Every property test runs with one seed per file, printed, and replayable with FC_SEED. Only
// files that use fast-check pay for loading the testing library.
import { readFileSync } from 'node:fs';

const testPath = expect.getState().testPath;
if (testPath !== undefined && readFileSync(testPath, 'utf8').includes('fast-check')) {
  const { configureFastCheckSeed } = require('@flowlens/testing') as typeof import('@flowlens/testing');
  configureFastCheckSeed(require('fast-check') as typeof import('fast-check'), process.env, (line) => process.stderr.write(`${testPath}: ${line}\n`));
}
