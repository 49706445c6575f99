// Two projects: fast unit specs beside the code, and integration specs that run against the
// real services (Kafka broker, PostgreSQL server, chDB) brought up by infra/up.sh.
const { readFileSync } = require('node:fs');
const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));
const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] };
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.infra/'],
  setupFilesAfterEnv: ['<rootDir>/test/support/fast-check-setup.ts'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/fast-check-setup.ts', '<rootDir>/test/support/integration-setup.ts'],
      slowTestThreshold: 30,
    },
  ],
};
