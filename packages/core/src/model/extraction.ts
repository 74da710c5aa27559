import type { Commitment } from './commitment.ts';
import type { DateMention } from './date-mention.ts';
import type { Finding } from './finding.ts';
import type { Problem } from './problem.ts';
import type { Quantity } from './quantity.ts';
import type { Span } from './span.ts';

/** What the caller knows about a text: the report year resolves 今年 / 上年. */
export interface ExtractionContext {
  readonly reportYear?: number;
  readonly region?: string;
}

/** A heading or campaign line that opens a section: "聚力打好生态环境保护战". */
export interface Section extends Span {
  readonly title: string;
  /** Shortened theme name: 生态环境保护. */
  readonly theme: string;
}

/** Everything core reads from one text. */
export interface Extraction {
  readonly reportYear?: number;
  readonly quantities: readonly Quantity[];
  readonly dates: readonly DateMention[];
  /** Numerals that are names, ordinals or slogans (十五届, 三大保卫战, 13+N): recognised and left out. */
  readonly nonQuantities: readonly Span[];
  readonly commitments: readonly Commitment[];
  readonly sections: readonly Section[];
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
}
