import { describe, expect, it } from 'vitest';
import { moonshineTokenBudget } from './token-budget';

const options = { tokensPerSecond: 6.5, maxNewTokens: 224, minTokens: 4 };

describe('moonshineTokenBudget', () => {
  it('allows 6.5 tokens per second of audio, rounded up', () => {
    expect(moonshineTokenBudget(16_000, 16_000, options)).toBe(7);
    expect(moonshineTokenBudget(11 * 16_000, 16_000, options)).toBe(72); // jfk.wav: 71.5
    expect(moonshineTokenBudget(2 * 16_000, 16_000, options)).toBe(13);
  });

  it('never goes below the floor for very short audio', () => {
    expect(moonshineTokenBudget(0, 16_000, options)).toBe(4);
    expect(moonshineTokenBudget(4_000, 16_000, options)).toBe(4);
  });

  it("never exceeds the caller's maxNewTokens", () => {
    expect(moonshineTokenBudget(60 * 16_000, 16_000, options)).toBe(224);
    expect(moonshineTokenBudget(16_000, 16_000, { ...options, maxNewTokens: 3 })).toBe(3);
  });
});
