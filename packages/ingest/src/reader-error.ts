/**
 * A format reader's own failure with a machine reason, e.g. new ZipError('truncated', 'no end of central directory
 * record'); readDocument turns each into an IngestError with the file name.
 */
export class ReaderError<Reason extends string> extends Error {
  constructor(
    readonly reason: Reason,
    message: string,
  ) {
    super(message);
  }
}
