/**
 * A table ready for export: columns with Chinese headers and a kind that says how each cell is written (exact
 * decimals stay strings until a format decides), and rows of plain values.
 * Example: { name: 'budget-lines', columns: [{ key: 'amount_yuan', header: '金额（元）', kind: 'yuan' }], rows: [['2198000000']] }.
 */

/** How a column's values are written: text, whole numbers, exact decimals, amounts in 元, dates, timestamps, yes/no. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'yuan' | 'date' | 'timestamp' | 'boolean';

export interface ExportColumn {
  /** The JSON key (snake_case, from the glossary). */
  readonly key: string;
  /** The Chinese header of CSV and XLSX. */
  readonly header: string;
  readonly kind: ColumnKind;
}

/** A cell: decimals as exact strings ('35220000', '52.8'), dates 'YYYY-MM-DD', timestamps ISO 8601. */
export type ExportCell = string | number | boolean | null;

export interface ExportTable {
  /** File and sheet name in English: 'commitments'. */
  readonly name: string;
  /** The sheet's Chinese title: '承诺事项'. */
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** Builds a table from records and column definitions that each read one value. */
export function buildExportTable<T>(
  name: string,
  title: string,
  columns: readonly (ExportColumn & { readonly value: (record: T) => ExportCell | undefined })[],
  records: readonly T[],
): ExportTable {
  return {
    name,
    title,
    columns: columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rows: records.map((record) => columns.map((column) => column.value(record) ?? null)),
  };
}
