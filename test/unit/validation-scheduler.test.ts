import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SchedulerTimers, ValidationScheduler } from '../../server/src/lsp/validation-scheduler';

/** Timers that run only when the test says so. */
function manualTimers() {
  const queued: Array<{ run: () => void; kind: 'soon' | 'after'; cancelled: boolean }> = [];
  const timers: SchedulerTimers = {
    soon(run) {
      const entry = { run, kind: 'soon' as const, cancelled: false };
      queued.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    after(run) {
      const entry = { run, kind: 'after' as const, cancelled: false };
      queued.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
  };
  const flush = () => {
    for (const entry of queued.splice(0)) if (!entry.cancelled) entry.run();
  };
  return { timers, queued, flush };
}

describe('when a changed document is checked', () => {
  it('an idle document is checked at once', () => {
    const checked: string[] = [];
    const { timers, queued, flush } = manualTimers();
    const scheduler = new ValidationScheduler((uri) => checked.push(uri), 50, timers);
    scheduler.schedule('a');
    assert.deepEqual(
      queued.map((entry) => entry.kind),
      ['soon'],
    );
    flush();
    assert.deepEqual(checked, ['a']);
  });

  it('a burst of changes is checked once, after a pause', () => {
    const checked: string[] = [];
    const { timers, queued, flush } = manualTimers();
    const scheduler = new ValidationScheduler((uri) => checked.push(uri), 50, timers);
    for (let i = 0; i < 1000; i++) scheduler.schedule('a');
    assert.equal(queued.filter((entry) => !entry.cancelled).length, 1);
    assert.equal(queued.filter((entry) => !entry.cancelled)[0]?.kind, 'after');
    flush();
    assert.deepEqual(checked, ['a']);
  });

  it('documents do not hold each other up, and a closed one is not checked', () => {
    const checked: string[] = [];
    const { timers, flush } = manualTimers();
    const scheduler = new ValidationScheduler((uri) => checked.push(uri), 50, timers);
    scheduler.schedule('a');
    scheduler.schedule('b');
    scheduler.cancel('a');
    flush();
    assert.deepEqual(checked, ['b']);
  });
});
