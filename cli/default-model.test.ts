/** The default-model policy (pure). */
import { describe, expect, it } from 'vitest';
import { APP_TECHNIQUE } from '../src/eval/accuracy-report';
import { chooseDefaultModel, DEFAULT_MODEL_LATENCY_TARGET_MS } from './default-model';

describe('chooseDefaultModel', () => {
  const row = (model: string, median: number) => ({ model, totalMs: { median } });
  const summary = (model: string, top3: number, falseQueries: number, technique = APP_TECHNIQUE) => ({ model, technique, top3, falseQueries });

  it('takes the best top-3 with the app pipeline among models within the latency target', () => {
    const choice = chooseDefaultModel(
      [row('fast-weak', 300), row('fast-strong', DEFAULT_MODEL_LATENCY_TARGET_MS), row('slow-best', 2500)],
      [summary('fast-weak', 0.3, 0), summary('fast-strong', 0.4, 0), summary('slow-best', 0.9, 0), summary('fast-weak', 0.99, 0, 'prompt')],
    );
    expect(choice.model).toBe('fast-strong');
    expect(choice.reasons).toContain(`slow-best: 2500 ms in Chromium, over the ${DEFAULT_MODEL_LATENCY_TARGET_MS} ms target`);
  });

  it('passes over a model that made up queries on noise, however many places it finds', () => {
    const choice = chooseDefaultModel([row('careful', 400), row('eager', 300)], [summary('careful', 0.4, 0), summary('eager', 0.5, 2)]);
    expect(choice.model).toBe('careful');
    expect(choice.reasons).toContain('eager: 2 made-up queries on the clips without speech (top-3 50.0%, 300 ms in Chromium)');
  });

  it('breaks ties by speed; a model without accuracy figures is no candidate', () => {
    expect(chooseDefaultModel([row('a', 300), row('b', 400)], [summary('a', 0.4, 0), summary('b', 0.4, 0)]).model).toBe('a');
    expect(chooseDefaultModel([row('a', 400), row('b', 300)], [summary('a', 0.4, 0), summary('b', 0.4, 0)]).model).toBe('b');
    const none = chooseDefaultModel([row('a', 500)], []);
    expect(none.model).toBeUndefined();
    expect(none.reasons).toEqual(['a: accuracy not measured']);
  });
});
