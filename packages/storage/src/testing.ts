/**
 * @duixian/storage/testing — for tests and benchmarks only, kept out of the entry point: a fresh test database on
 * either engine, and a generated region as large as a benchmark needs.
 * Example: `const database = await openTestDatabase('pglite')`; `await generateLargeRegion(database, { regionCode: '990101', year: 2024, commitments: 1000, updatesPerCommitment: 2, budgetLines: 500 })`.
 */
export { dropTestSchema, openTestDatabase, testDatabaseOptions, testEngines, type TestEngine } from './test-database.ts';
export { generateLargeRegion, type LargeRegionSize } from './large-region.generator.ts';
