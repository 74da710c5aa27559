/**
 * The typed client of the duixian server: one function per call the pages make, each turning the server's answer
 * (snake_case rows, exact decimal strings) into the web's view types. Example: getOverview('630105', 2024) →
 * { total: { amountYuan: '2198000000', growthPercent: '44.4' }, … }.
 */
// One import for the pages; each resource's calls live in its own file.
export * from './budget.api.ts';
export * from './commitments.api.ts';
export * from './documents.api.ts';
export * from './exports.api.ts';
export * from './overview.api.ts';
export * from './places.api.ts';
export * from './progress.api.ts';
export * from './session.api.ts';
export * from './tasks.api.ts';
export * from './warnings.api.ts';
