import type { Period } from './quantity.ts';
import type { Span } from './span.ts';

/** A year or period named in the text: "2023年", "1—11月", "上半年", "今年". */
export interface DateMention extends Span {
  readonly id: string;
  readonly period: Period;
  readonly provenance: string;
}
