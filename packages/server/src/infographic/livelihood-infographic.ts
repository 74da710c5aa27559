/**
 * The figures a 民生账本 infographic shows, as read from the database: exact decimal strings, never floats.
 * Example: { regionName: '城北区', year: 2023, total: { amountYuan: '2198000000', growthPercent: '44.4', … }, … }.
 */
export interface LivelihoodInfographic {
  readonly regionName: string;
  readonly year: number;
  readonly total?: {
    readonly label: string;
    readonly amountYuan: string;
    readonly previousYear?: number;
    readonly previousAmountYuan?: string;
    readonly growthPercent?: string;
    readonly changeYuan?: string;
  };
  readonly livelihood?: {
    readonly label: string;
    readonly amountYuan: string;
    readonly sharePercent?: string;
    readonly changeYuan?: string;
    readonly growthPercent?: string;
  };
  readonly categories: readonly { readonly label: string; readonly amountYuan: string }[];
  readonly programme?: {
    readonly title: string;
    readonly budgetYuan?: string;
    readonly areaCount?: number;
    readonly projectCount?: number;
    readonly deliveredCount?: number;
  };
  /** Where the figures came from: the document's title. */
  readonly source?: string;
}
