import { describe, expect, it } from 'vitest';
import { UtteranceQueue, type UtteranceQueueState } from './utterance-queue';

/** A handler whose calls finish only when the test says so. */
function gatedHandler() {
  const started: string[] = [];
  const release: (() => void)[] = [];
  const handle = (item: string) =>
    new Promise<void>((resolve) => {
      started.push(item);
      release.push(resolve);
    });
  const finishNext = async () => {
    release.shift()?.();
    // Let the queue's loop run up to its next await.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, handle, finishNext };
}

describe('UtteranceQueue', () => {
  it('handles utterances one at a time, in arrival order', async () => {
    const gate = gatedHandler();
    const queue = new UtteranceQueue(gate.handle);
    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(gate.started).toEqual(['a']);
    expect(queue.state).toEqual({ busy: true, pending: 2 });
    await gate.finishNext();
    expect(gate.started).toEqual(['a', 'b']);
    await gate.finishNext();
    await gate.finishNext();
    expect(gate.started).toEqual(['a', 'b', 'c']);
    await queue.idle();
    expect(queue.state).toEqual({ busy: false, pending: 0 });
  });

  it('does not lose an utterance that arrives while another is transcribed', async () => {
    const handled: string[] = [];
    const queue = new UtteranceQueue(async (item: string) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      handled.push(item);
    });
    queue.push('first');
    await new Promise((resolve) => setTimeout(resolve, 1));
    queue.push('second');
    await queue.idle();
    expect(handled).toEqual(['first', 'second']);
  });

  it('goes on after a handler throws, reporting the error', async () => {
    const errors: string[] = [];
    const handled: string[] = [];
    const queue = new UtteranceQueue(
      async (item: string) => {
        if (item === 'bad') throw new Error('boom');
        handled.push(item);
      },
      { onError: (error, item) => errors.push(`${item}: ${(error as Error).message}`) },
    );
    queue.push('bad');
    queue.push('good');
    await queue.idle();
    expect(errors).toEqual(['bad: boom']);
    expect(handled).toEqual(['good']);
  });

  it('drops the oldest waiting utterance past maxPending, and says so', async () => {
    const gate = gatedHandler();
    const dropped: string[] = [];
    const queue = new UtteranceQueue(gate.handle, { onDrop: (item) => dropped.push(item) }, { maxPending: 2 });
    for (const item of ['a', 'b', 'c', 'd']) queue.push(item);
    expect(dropped).toEqual(['b']);
    expect(queue.state.pending).toBe(2);
    await gate.finishNext();
    await gate.finishNext();
    await gate.finishNext();
    expect(gate.started).toEqual(['a', 'c', 'd']);
  });

  it('reports every change of state', async () => {
    const states: UtteranceQueueState[] = [];
    const queue = new UtteranceQueue(async () => undefined, { onChange: (s) => states.push(s) });
    queue.push('a');
    await queue.idle();
    expect(states[0]).toEqual({ busy: false, pending: 1 });
    expect(states.at(-1)).toEqual({ busy: false, pending: 0 });
    expect(states.some((s) => s.busy)).toBe(true);
  });

  it('clear() forgets waiting utterances but finishes the current one', async () => {
    const gate = gatedHandler();
    const queue = new UtteranceQueue(gate.handle);
    queue.push('a');
    queue.push('b');
    queue.clear();
    await gate.finishNext();
    await queue.idle();
    expect(gate.started).toEqual(['a']);
  });

  it('rejects a nonsensical maxPending', () => {
    expect(() => new UtteranceQueue(async () => undefined, {}, { maxPending: -1 })).toThrow(RangeError);
  });
});

describe('UtteranceQueue with supersedes', () => {
  it('removes the waiting items a newer one supersedes, without calling them dropped, and keeps the one in progress', async () => {
    const gate = gatedHandler();
    const dropped: string[] = [];
    // Items are "query:part"; a later part of the same query holds the earlier parts' audio.
    const queue = new UtteranceQueue(gate.handle, { onDrop: (item) => dropped.push(item), supersedes: (newer, older) => newer.split(':')[0] === older.split(':')[0] });
    queue.push('1:1');
    queue.push('2:1');
    queue.push('2:2');
    expect(queue.state).toEqual({ busy: true, pending: 1 });
    queue.push('2:3');
    queue.push('3:1');
    for (let i = 0; i < 3; i++) await gate.finishNext();
    await queue.idle();
    expect(gate.started).toEqual(['1:1', '2:3', '3:1']);
    expect(dropped).toEqual([]);
  });
});
