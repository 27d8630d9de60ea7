import { describe, expect, it } from 'vitest';
import { memoizedTokenText } from './token-text';

describe('memoizedTokenText', () => {
  it('decodes each token once', () => {
    let calls = 0;
    const text = memoizedTokenText((t) => (calls++, `<${t}>`));
    expect([text(3), text(3), text(4)]).toEqual(['<3>', '<3>', '<4>']);
    expect(calls).toBe(2);
  });
});
