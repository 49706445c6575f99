// Every property test runs with one seed per file, printed, and replayable with FC_SEED.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { configureFastCheckSeed } from '../../libs/testing/src/lib/fast-check-seed';

const testPath = expect.getState().testPath;
const usesFastCheck = testPath !== undefined && readFileSync(testPath, 'utf8').includes('fast-check');
configureFastCheckSeed(fc, process.env, (line) => {
  if (usesFastCheck) process.stderr.write(`${testPath}: ${line}\n`);
});
