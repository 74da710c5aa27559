/**
 * Which evidence files are accepted and how they are served: a list of types, each known by its extension and, for
 * binary formats, by its first bytes (a renamed .exe is not a .pdf); at most 20 MB. The stored media type comes from
 * this list, never from what the uploader claimed, and every file is served as a download.
 * Example: `classifyEvidence('验收报告.pdf', bytes)` → { kind: 'pdf', mediaType: 'application/pdf' }.
 */

/** Largest evidence file accepted. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

interface EvidenceType {
  readonly kind: string;
  readonly extensions: readonly string[];
  readonly mediaType: string;
  /** Bytes the file must start with (any of them); none for text formats. */
  readonly magic?: readonly (readonly number[])[];
  /** Served with a neutral type: formats a browser would run as a page in this origin (HTML, SVG). */
  readonly isActive?: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { kind: 'pdf', extensions: ['pdf'], mediaType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  { kind: 'png', extensions: ['png'], mediaType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  { kind: 'jpeg', extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  { kind: 'gif', extensions: ['gif'], mediaType: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  { kind: 'webp', extensions: ['webp'], mediaType: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]] },
  { kind: 'docx', extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [ZIP] },
  { kind: 'xlsx', extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  { kind: 'doc', extensions: ['doc'], mediaType: 'application/msword', magic: [OLE] },
  { kind: 'xls', extensions: ['xls'], mediaType: 'application/vnd.ms-excel', magic: [OLE] },
  { kind: 'text', extensions: ['txt'], mediaType: 'text/plain; charset=utf-8' },
  { kind: 'csv', extensions: ['csv'], mediaType: 'text/csv; charset=utf-8' },
  // A saved web page or a drawing is legitimate evidence, but must never render in the app's origin.
  { kind: 'html', extensions: ['html', 'htm'], mediaType: 'text/html', isActive: true },
  { kind: 'svg', extensions: ['svg'], mediaType: 'image/svg+xml', isActive: true },
];

export type EvidenceClassification = { kind: string; mediaType: string } | { problem: string };

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function classifyEvidence(fileName: string, bytes: Uint8Array): EvidenceClassification {
  if (bytes.byteLength === 0) return { problem: '文件为空 / the file is empty' };
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) return { problem: `文件超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB / the file is over ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` };
  const extension = extensionOf(fileName);
  const type = EVIDENCE_TYPES.find((candidate) => candidate.extensions.includes(extension));
  if (!type) {
    const allowed = EVIDENCE_TYPES.flatMap((candidate) => candidate.extensions).join(', ');
    return { problem: `不接受 .${extension || '（无扩展名）'} 文件 / .${extension} files are not accepted (allowed: ${allowed})` };
  }
  if (type.magic && !type.magic.some((magic) => magic.every((byte, index) => bytes[index] === byte))) {
    return { problem: `文件内容不是 ${type.kind} / the content is not a ${type.kind} file` };
  }
  return { kind: type.kind, mediaType: type.mediaType };
}

/** The Content-Type to serve a stored file with: HTML and SVG as plain bytes, so they download instead of running. */
export function servedMediaType(mediaType: string): string {
  const type = EVIDENCE_TYPES.find((candidate) => candidate.mediaType === mediaType);
  if (!type || type.isActive) return 'application/octet-stream';
  return type.mediaType;
}
