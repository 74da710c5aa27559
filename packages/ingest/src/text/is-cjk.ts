/**
 * Tells Chinese characters and CJK punctuation, between which no word space is put: isCjk('民') → true,
 * isCjk('5') → false.
 */
export function isCjk(char: string): boolean {
  if (char.length === 0) return false;
  const code = char.charCodeAt(0);
  return (
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0xd840 && code <= 0xd87f) || // surrogates of CJK extension planes
    code === 0x2014 || code === 0x2026 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019
  );
}
