// Rewrites the source of pdf.js's worker (pdfjs-dist/legacy/build/pdf.worker.mjs) for text extraction: embedded
// Type1 and CFF font programs are still parsed (encoding, FontMatrix, missing widths, all that getTextContent reads),
// but no CFF or OpenType font file is compiled from them, which only drawing glyphs needs; CID TrueType fonts with a
// ToUnicode map (Word's, WPS's, Chrome's) are not even fetched; and compressed streams are inflated by zlib in one
// call rather than through web streams.
// Example: patchPdfjsWorker(source, '5.6.205') → the same module with `this.data = this.wrap(…)` replaced by
// `this.data = undefined`. Plain JavaScript: the pdf.js worker thread imports it without a TypeScript loader.

/**
 * Each snippet must occur exactly once in the installed file; `replace` is put in its place.
 * @type {readonly { readonly why: string, readonly find: string, readonly replace: string }[]}
 */
export const PDFJS_WORKER_PATCHES = [
  {
    why: 'Type1Font: the parsed charstrings are not compiled into a CFF program',
    find: '    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);\n',
    replace: '    this.data = undefined;\n',
  },
  {
    why: 'Type1 fonts: a glyph program is interpreted only for the width /Widths lacks (its outline and accent parts draw only)',
    find: '      const error = charString.convert(encoded, subrs, this.seacAnalysisEnabled);\n',
    replace:
      '      const widthIndex = properties.builtInEncoding ? properties.builtInEncoding.indexOf(glyph) : -1;\n' +
      '      const error = widthIndex > -1 && properties.widths[widthIndex] === undefined && widthIndex >= properties.firstChar && widthIndex <= properties.lastChar\n' +
      '        ? charString.convert(encoded, subrs, this.seacAnalysisEnabled)\n' +
      '        : false;\n',
  },
  {
    why: 'CFFFont: the parsed font is not compiled again (pdf.js already falls back to the original bytes when this fails)',
    find: '      this.data = compiler.compile();\n',
    replace: '      this.data = undefined;\n',
  },
  {
    why: 'Font.convert: the glyph mapping, ToUnicode amendments and accent map are made, the OpenType file is not',
    find: '    const builder = new OpenTypeFileBuilder("\\x4F\\x54\\x54\\x4F");\n',
    replace: '    return undefined;\n',
  },
  {
    why: 'CID TrueType fonts with a ToUnicode map (what Word, WPS and Chrome embed): text reads the ToUnicode map and the /W widths, never the font program — decided before the program is fetched. Fonts pdf.js maps to a standard font keep their program (pdf.js reads glyphs from it)',
    find: '    let fontFile, subtype, length1, length2, length3;\n',
    replace:
      '    let fontFile, subtype, length1, length2, length3;\n' +
      '    const normalizedFontName = normalizeFontName(fontName.name);\n' +
      '    const textMayNeedNoProgram = composite && type === "CIDFontType2" && !!toUnicode && !getStdFontMap()[normalizedFontName] && !getNonStdFontMap()[normalizedFontName];\n',
  },
  {
    why: 'CID TrueType with ToUnicode: the font program is not inflated (it is most of a Chinese PDF\'s bytes)',
    find: '          if (fontFile.isAsync) {\n',
    replace: '          if (fontFile.isAsync && !textMayNeedNoProgram) {\n',
  },
  {
    why: 'CID TrueType with ToUnicode: nor read to see whether it is empty',
    find: '          if (fontFile.isEmpty) {\n',
    replace: '          if (!textMayNeedNoProgram && fontFile.isEmpty) {\n',
  },
  {
    why: 'CID TrueType with ToUnicode: no OpenType file is repaired from the program; a vertical font or an empty ToUnicode map keeps it, where pdf.js reads from it',
    find: '    return new Font(fontName.name, fontFile, newProperties, this.options);\n',
    replace:
      '    const textNeedsNoProgram = textMayNeedNoProgram && newProperties.hasIncludedToUnicodeMap && !newProperties.vertical;\n' +
      '    return new Font(fontName.name, textNeedsNoProgram ? null : fontFile, newProperties, this.options);\n',
  },
  {
    why: 'FlateDecode streams (content, fonts) inflated with zlib in one synchronous call, not through a DecompressionStream',
    find: '    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();\n    try {\n',
    // Errors as before: no bytes, and pdf.js decodes the stream with its own, more lenient inflater.
    replace:
      '    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();\n' +
      '    const zlib = name === "deflate" ? globalThis.process?.getBuiltinModule?.("node:zlib") : undefined;\n' +
      '    if (zlib) {\n' +
      '      try {\n' +
      '        const inflated = zlib.inflateSync(bytes);\n' +
      '        return { decompressed: new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength), compressed: bytes };\n' +
      '      } catch {\n' +
      '        return { decompressed: null, compressed: bytes };\n' +
      '      }\n' +
      '    }\n' +
      '    try {\n',
  },
  {
    why: 'TextState.clone: a copy with the class as prototype, not the copied state (the same fields; V8 slows down objects used as prototypes)',
    find: '    const clone = Object.assign(Object.create(this), this);\n',
    replace: '    const clone = Object.assign(Object.create(TextState.prototype), this);\n',
  },
];

/**
 * Applies PDFJS_WORKER_PATCHES to the worker's source; throws, naming the pdfjs-dist version, when a snippet is not
 * found exactly once (a pdfjs-dist upgrade changed the code: the patch must be checked again, not silently skipped).
 * @param {string} source the text of pdfjs-dist/legacy/build/pdf.worker.mjs
 * @param {string} version pdfjs-dist's version, for the error message
 * @returns {string}
 */
export function patchPdfjsWorker(source, version) {
  let patched = source;
  for (const patch of PDFJS_WORKER_PATCHES) {
    const count = patched.split(patch.find).length - 1;
    if (count !== 1) {
      throw new Error(
        `pdfjs-dist ${version}: the text-only patch of pdf.worker.mjs no longer fits (${patch.why}: snippet ${JSON.stringify(patch.find.trim())} ` +
          `found ${count} times, expected once); check packages/ingest/src/pdf/pdfjs-worker.patch.mjs against this pdf.js version`,
      );
    }
    patched = patched.replace(patch.find, () => patch.replace);
  }
  return patched;
}
