import type { DbOrTx } from '../db';
import { recordEvents, type EventInput } from '../events/record';

/** At most this many events per INSERT (18 columns each stays far below SQLite's variable limit). */
const MAX_BATCH = 500;

interface Waiting {
  event: EventInput;
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * Group commit for events that must be stored before the response that reports them is sent
 * (exposures). Each caller waits for its own event to be committed, exactly as with a single
 * INSERT, but the events of every request that arrived in the same turn of the event loop are
 * written in one multi-row INSERT. Under load this turns hundreds of small commits into a few
 * large ones; with one request at a time it is one INSERT, as before. If the write fails, every
 * request of the batch fails, so no page is served whose exposure was not logged.
 */
export class EventGroupCommit {
  private waiting: Waiting[] = [];
  private isScheduled = false;

  constructor(private readonly db: () => DbOrTx) {}

  record(event: EventInput): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.waiting.push({ event, done, fail });
      if (!this.isScheduled) {
        this.isScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.isScheduled = false;
    const batch = this.waiting.splice(0, MAX_BATCH);
    if (this.waiting.length > 0 && !this.isScheduled) {
      this.isScheduled = true;
      setImmediate(() => void this.flush());
    }
    if (batch.length === 0) return;
    try {
      await recordEvents(
        this.db(),
        batch.map((w) => w.event),
      );
      for (const w of batch) w.done();
    } catch (error) {
      for (const w of batch) w.fail(error);
    }
  }
}
