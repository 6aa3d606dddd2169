import type { Db } from '../db';
import { onShutdown } from '../process-state';
import { recordEvents, type EventInput } from './record-event';

/**
 * Page views of server-rendered pages, written in small batches off the request path: a
 * render queues its event and returns; every 250 ms (or every 200 events) one transaction
 * records the batch. A crash can lose at most the last quarter second of page views; events
 * that report a change (leads, deals, exposures) are never buffered.
 */
export class EventBuffer {
  private queue: EventInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: () => Db,
    private readonly intervalMs = 250,
    private readonly maxBatch = 200,
  ) {
    // A drain writes what is queued, so a page view that was answered is not lost on SIGTERM.
    onShutdown(() => this.flush());
  }

  push(event: EventInput): void {
    this.queue.push(event);
    if (this.queue.length >= this.maxBatch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is queued; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      recordEvents(this.db(), batch).then(
        () => undefined,
        (error: unknown) => {
          console.error(`[analytics] lost ${batch.length} page views:`, error);
        },
      ),
    );
    return this.flushing;
  }
}
