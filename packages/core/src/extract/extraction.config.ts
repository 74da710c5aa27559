/**
 * The order of extraction, in one place: which parsers find candidates and which refiners correct them, with the
 * reason each comes where it does. `extract` runs it; a new rule of the language is a step added here.
 * Example: `runConfiguration(EXTRACTION, emptyState(text, {}))` on "实施退化林分改造2万亩" → one quantity, one commitment.
 */
import type { ExtractionConfiguration } from './extraction-state.ts';
import { parseCommitments } from './parsers/commitment.parser.ts';
import { addRelativeDates, parseWrittenDates } from './parsers/date.parser.ts';
import { scanNumerals } from './parsers/numeral.scanner.ts';
import { classifyUnitless, parseQuantities } from './parsers/quantity.parser.ts';
import { parseSections } from './parsers/section.parser.ts';
import { classifyTense } from './parsers/tense.parser.ts';
import { dropBareNumbers } from './refiners/bare-number.refiner.ts';
import { refineComparators } from './refiners/comparator.refiner.ts';
import { refineFlattenedTables } from './refiners/flattened-table.refiner.ts';
import { refineMetrics } from './refiners/metric.refiner.ts';
import { refinePeriods } from './refiners/period.refiner.ts';
import { mergeRanges } from './refiners/range-merge.refiner.ts';
import { refineRoles } from './refiners/role.refiner.ts';
import { inferReportYear } from './report-year.ts';

export const EXTRACTION: ExtractionConfiguration = {
  parsers: [
    // Every numeral first, Arabic and Chinese, with its magnitude: the tokens every later parser reads.
    { name: 'numerals', parse: (s) => { s.scan = scanNumerals(s.text); } },
    // Dates written with numbers before anything else claims their digits: "2023年" is a year, not 2023 of something.
    { name: 'written dates', parse: (s) => { s.written = parseWrittenDates(s.text, s.scan.tokens); } },
    // Dates in words (今年, 上年) need the report year, which the written dates may tell when the caller does not.
    { name: 'report year', parse: (s) => { s.reportYear = s.context.reportYear ?? inferReportYear(s.text, s.written.dates); } },
    { name: 'relative dates', parse: (s) => { s.dates = addRelativeDates(s.text, s.scan.tokens, s.written, s.reportYear); } },
    // Quantities from the tokens no date used; digits that could not be read become non-quantities with a reason.
    {
      name: 'quantities',
      parse: (s) => {
        const parsed = parseQuantities(s.text, s.scan.tokens, s.dates.usedTokens);
        s.quantities = parsed.quantities;
        s.nonQuantities = [...parsed.nonQuantities, ...s.scan.unreadable.flatMap((run) => classifyUnitless(s.text, { ...run, script: 'chinese' }))];
      },
    },
  ],
  refiners: [
    // Ranges first: "10—15万元" must become one quantity before bare numbers are dropped.
    { name: 'ranges', refine: (s) => { s.quantities = mergeRanges(s.text, s.quantities); } },
    // Tables flattened to a cell per line give bare numbers their unit before bare numbers are dropped.
    { name: 'flattened tables', refine: (s) => refineFlattenedTables(s.text, s.quantities) },
    // What still has no unit is not a quantity: ratio parts are recorded, the rest classified.
    { name: 'bare numbers', refine: (s) => { s.quantities = dropBareNumbers(s.text, s.quantities, s.nonQuantities); } },
    // Bound words (以上, 不少于) before roles: a bound is part of what a figure says.
    { name: 'comparators', refine: (s) => refineComparators(s.text, s.quantities) },
    // Roles before metrics: a share's metric is the figure it is a share of, found by role.
    { name: 'roles', refine: (s) => refineRoles(s.text, s.quantities) },
    { name: 'metrics', refine: (s) => refineMetrics(s.text, s.quantities) },
    // Periods last: a figure's year comes from the dates around it, all known by now.
    { name: 'periods', refine: (s) => refinePeriods(s.text, s.quantities, s.dates.dates) },
  ],
  structure: [
    { name: 'sections', parse: (s) => { s.sections = parseSections(s.text); } },
    // Commitments last: a target is a refined quantity (with its bound) inside a section, in a plan part of the report.
    {
      name: 'commitments',
      parse: (s) => { s.commitments = parseCommitments(s.text, s.quantities, s.sections, classifyTense(s.text, s.reportYear)); },
    },
  ],
};
