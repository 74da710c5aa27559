/**
 * The one error type of ingest: a code and a bilingual message naming the file and the reason,
 * e.g. `报告.pdf：无文字层（扫描件），暂不支持OCR / report.pdf: no text layer (scanned), OCR is not supported`.
 */

/** Why a file could not be read. */
export type IngestErrorCode =
  | 'empty-file'
  | 'too-large'
  | 'unknown-format'
  | 'undecodable-text'
  | 'pdf-corrupt'
  | 'pdf-truncated'
  | 'pdf-encrypted'
  | 'pdf-no-text'
  | 'pdf-timeout'
  | 'docx-corrupt'
  | 'docx-truncated'
  | 'html-empty'
  | 'too-deep';

const REASONS: Record<IngestErrorCode, { zh: string; en: string }> = {
  'empty-file': { zh: '文件为空', en: 'the file is empty' },
  'too-large': { zh: '文件超过大小上限', en: 'the file is over the size limit' },
  'unknown-format': {
    zh: '不是可识别的格式（支持文本、Markdown、HTML、PDF、DOCX）',
    en: 'not a known format (text, Markdown, HTML, PDF, DOCX are read)',
  },
  'undecodable-text': {
    zh: '文本编码无法识别（支持UTF-8、UTF-16、GB18030/GBK）',
    en: 'the text encoding is not recognised (UTF-8, UTF-16, GB18030/GBK are read)',
  },
  'pdf-corrupt': { zh: 'PDF文件已损坏，无法解析', en: 'the PDF is corrupt and cannot be parsed' },
  'pdf-truncated': { zh: 'PDF文件不完整（被截断）', en: 'the PDF is truncated' },
  'pdf-encrypted': { zh: 'PDF文件已加密，需要密码', en: 'the PDF is encrypted and needs a password' },
  'pdf-no-text': { zh: '无文字层（扫描件），暂不支持OCR', en: 'no text layer (scanned), OCR is not supported' },
  'pdf-timeout': { zh: 'PDF解析超时', en: 'reading the PDF took too long' },
  'docx-corrupt': { zh: 'DOCX文件已损坏，无法解析', en: 'the DOCX is corrupt and cannot be parsed' },
  'docx-truncated': { zh: 'DOCX文件不完整（被截断）', en: 'the DOCX is truncated' },
  'html-empty': { zh: 'HTML页面中没有正文', en: 'the HTML page has no article text' },
  'too-deep': { zh: '文档结构嵌套过深，无法读取', en: 'the document nests its elements too deeply to be read' },
};

/**
 * A file that ingest cannot read. `message` is Chinese then English, each naming the file:
 * `new IngestError('empty-file', 'a.txt').message` → `a.txt：文件为空 / a.txt: the file is empty`.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: IngestErrorCode;
  readonly fileName: string;

  constructor(code: IngestErrorCode, fileName: string | undefined, detail?: { zh?: string; en?: string }, options?: { cause?: unknown }) {
    const file = fileName && fileName.length > 0 ? fileName : '（未命名文件）';
    const fileEn = fileName && fileName.length > 0 ? fileName : '(unnamed file)';
    const reason = REASONS[code];
    const zh = detail?.zh ? `${reason.zh}（${detail.zh}）` : reason.zh;
    const en = detail?.en ? `${reason.en} (${detail.en})` : reason.en;
    super(`${file}：${zh} / ${fileEn}: ${en}`, options);
    this.code = code;
    this.fileName = file;
  }
}

/** True for an IngestError, also across module copies. */
export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError || (error instanceof Error && error.name === 'IngestError' && 'code' in error);
}
