/**
 * @duixian/ingest/testing — helpers for tests and benchmarks only, kept out of the entry point: documents in every
 * format made from one seed text (LibreOffice converts them), and a stored-only ZIP for DOCX fixtures.
 * Example: `const fixtures = await makeFormatFixtures()` → { dir, files: { pdf, docx, … }, seedText, expectedText, … }.
 */
export { convertWithOffice, defaultSeedPath, findSoffice, makeFormatFixtures, type FormatFixtureFiles, type FormatFixtureOptions, type FormatFixtures } from './fixtures/format-fixtures.ts';
export { makeZip } from './fixtures/make-zip.ts';
