/** Jest runs the TypeScript sources through ts-jest with full type-checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 60000,
  // Suites share the 2-core machine with child servers; two workers keep timings honest.
  maxWorkers: 2,
};
