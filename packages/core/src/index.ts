/** @duixian/core — the only entry point: numbers, extraction, verification and schedule logic. Pure: no I/O. */
export type * from './model/index.ts';
export {
  parseDecimal,
  formatDecimal,
  scaleDecimal,
  addDecimals,
  multiplyDecimals,
  negateDecimal,
  compareDecimals,
  isSameDecimal,
  decimalToNumber,
} from './numbers/decimal.ts';
