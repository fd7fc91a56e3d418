// Tests run as native ES modules (NestJS 12 ships ESM only). End-to-end specs start the
// built service (`dist/`) as a child process, so `npm test` builds first (see `pretest`).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60000,
  // Three at a time, on 2 cores too: specs spend part of their time waiting (a retry's
  // delay, a child's start, a receiver), which a third spec fills. Measured on 2 cores:
  // the first phase of `npm test` in 361 s against 414 s with two.
  maxWorkers: 3,
};
