/** Timers the scheduler uses, replaceable in tests. */
export interface SchedulerTimers {
  /** Runs `run` once the messages already received have been handled. */
  soon(run: () => void): () => void;
  /** Runs `run` after `milliseconds`. */
  after(run: () => void, milliseconds: number): () => void;
}

/** A turn of the event loop: `setImmediate` in Node; a web worker has none, and its JSON-RPC layer queues with `setTimeout(0)` too. */
const nextTurn: (run: () => void) => () => void =
  typeof setImmediate === 'function'
    ? (run) => {
        const immediate = setImmediate(run);
        return () => clearImmediate(immediate);
      }
    : (run) => {
        const timer = setTimeout(run, 0);
        return () => clearTimeout(timer);
      };

export const nodeTimers: SchedulerTimers = {
  // The JSON-RPC layer handles one queued message per turn of the event loop: two turns let
  // changes that arrived together be applied before the check.
  soon(run) {
    let cancelInner: (() => void) | undefined;
    const cancelOuter = nextTurn(() => {
      cancelInner = nextTurn(run);
    });
    return () => {
      cancelOuter();
      cancelInner?.();
    };
  },
  after(run, milliseconds) {
    const timer = setTimeout(run, milliseconds);
    return () => clearTimeout(timer);
  },
};

/**
 * Decides when a changed document is checked. A change to an idle document is checked at once,
 * so a writer sees the result of a keystroke immediately; a change that arrives while a check is
 * still pending means edits are coming faster than checks, so the check waits for a pause and
 * only the latest version is checked and published.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly validate: (uri: string) => void,
    private readonly burstPauseMs = 50,
    private readonly timers: SchedulerTimers = nodeTimers,
  ) {}

  schedule(uri: string): void {
    const cancelPending = this.pending.get(uri);
    const run = () => {
      this.pending.delete(uri);
      this.validate(uri);
    };
    if (cancelPending) {
      cancelPending();
      this.pending.set(uri, this.timers.after(run, this.burstPauseMs));
    } else {
      this.pending.set(uri, this.timers.soon(run));
    }
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }
}
