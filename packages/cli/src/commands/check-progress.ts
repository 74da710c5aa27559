/**
 * The progress bar of `duixian check` over many files, on stderr when stderr is a terminal: files done / total,
 * elapsed seconds and the file last finished, redrawn in place with \r (and every second while a long file is read);
 * nothing at all when stderr is not a terminal. Example line:
 *   [########------------]  47/118 个文件  21 秒  ../shared/corpus-cities-2024/成都.txt
 */
import type { Messages } from '../messages.ts';
import { truncate } from '../text-table.ts';

/** Where the bar is drawn: process.stderr, or a stand-in in tests. */
export interface BarStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressBar {
  /** One more file finished. */
  advance(file: string): void;
  /** Wipes the bar off its line, e.g. before a JSON line or the summary is written to the same terminal. */
  clear(): void;
  /** Draws the bar again after clear(). */
  redraw(): void;
  /** Wipes the bar and stops the timer. */
  stop(): void;
}

const WIDTH = 20;

/**
 * @example const bar = startProgressBar(process.stderr, 118, messages('zh')); bar.advance('a.txt'); … bar.stop();
 */
export function startProgressBar(stream: BarStream, total: number, say: Messages, now: () => number = () => performance.now()): ProgressBar {
  const silent = { advance: () => {}, clear: () => {}, redraw: () => {}, stop: () => {} };
  if (!stream.isTTY || total < 1) return silent;
  const started = now();
  let done = 0;
  let last = '';
  const draw = (): void => {
    const filled = Math.round((done / total) * WIDTH);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]  ${say.bar(done, total, last, (now() - started) / 1000)}`;
    // One column short of the width: a line that fills the terminal wraps, and \r would then redraw the wrong line.
    stream.write(`\r${truncate(line, Math.max(20, (stream.columns ?? 80) - 1))}\u001b[K`);
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  draw();
  return {
    advance(file) {
      done += 1;
      last = file;
      draw();
    },
    clear: () => stream.write('\r\u001b[K'),
    redraw: draw,
    stop() {
      clearInterval(timer);
      stream.write('\r\u001b[K');
    },
  };
}
