import { describe, expect, it } from 'vitest';
import { tokenBudget } from './token-budget';

const options = { tokensPerSecond: 6.5, maxNewTokens: 224, minTokens: 4 };

describe('tokenBudget', () => {
  it('allows 6.5 tokens per second of audio, rounded up', () => {
    expect(tokenBudget(16_000, 16_000, options)).toBe(7);
    expect(tokenBudget(11 * 16_000, 16_000, options)).toBe(72); // jfk.wav: 71.5
    expect(tokenBudget(2 * 16_000, 16_000, options)).toBe(13);
  });

  it('never goes below the floor for very short audio', () => {
    expect(tokenBudget(0, 16_000, options)).toBe(4);
    expect(tokenBudget(4_000, 16_000, options)).toBe(4);
  });

  it("never exceeds the caller's maxNewTokens", () => {
    expect(tokenBudget(60 * 16_000, 16_000, options)).toBe(224);
    expect(tokenBudget(16_000, 16_000, { ...options, maxNewTokens: 3 })).toBe(3);
  });
});
