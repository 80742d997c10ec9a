// A one-line counter on stderr while files are processed, only when stderr is a terminal: in a
// pipe or a CI log it would be noise. It never names a file, let alone shows its text.
import type { Locale } from '../core';
import { say } from './texts';

const REDRAW_MS = 100;

export class Progress {
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
    private readonly locale: Locale,
  ) {}

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    // The throttle holds after a clear too, or output streaming past would redraw it per file.
    if (now - this.lastDraw < REDRAW_MS && done < total) return;
    this.lastDraw = now;
    this.stream.write(`\r\u001b[2K${say(this.locale, 'progress', { done, total })}`);
    this.shown = true;
  }

  /** Takes the line away, so that output printed next starts on a clean line. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
