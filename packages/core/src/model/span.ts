/** A piece of the text: UTF-16 offsets (JavaScript string indices), `text === source.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
