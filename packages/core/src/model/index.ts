export type { Decimal } from './decimal.ts';
export type { Span } from './span.ts';
export type { Quantity, QuantityKind, QuantityRole, QuantityValue, Comparator, Period } from './quantity.ts';
export type { DateMention } from './date-mention.ts';
export type { Commitment, Target, GradeValue } from './commitment.ts';
export type { Problem } from './problem.ts';
export type { Finding, Verdict, DecimalInterval } from './finding.ts';
export type { Extraction, ExtractionContext, Section } from './extraction.ts';
export type { Table, TableCell } from './table.ts';
