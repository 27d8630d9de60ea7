/**
 * Owns the search box's query and what the page says about its correction. A spoken query is
 * corrected in the search worker (when the setting is on) before it reaches the box; a typed one
 * goes in as it is, and is offered a correction only when it finds nothing. A correction that
 * comes back after the user has typed something else is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Hypothesis, TranscriptCorrection } from '../search/search-api';
import { type CorrectionNotice, spokenQuery, typedSuggestion } from './correction-notice';

export interface Query {
  text: string;
  /** Spoken (or chosen from a notice): a finished query, not one being typed. */
  spoken: boolean;
}

export interface CorrectedQueryOptions {
  /** Correct spoken queries and offer corrections at all (the "Correct place names" setting). */
  enabled: boolean;
  /** The search worker's correction; with `alternatives` (the n-best list) it first chooses among them. */
  correct(transcript: string, alternatives?: readonly Hypothesis[]): Promise<TranscriptCorrection>;
}

export interface CorrectedQuery {
  query: Query;
  notice: CorrectionNotice | null;
  /** The user typed in the box. */
  type(text: string): void;
  /** A transcript was accepted as a query; `alternatives` is the recogniser's n-best list, if any. */
  hear(transcript: string, alternatives?: readonly Hypothesis[]): void;
  /** Search for this text as a finished query: a suggestion taken, or what was heard after all. */
  choose(text: string): void;
  /** The current query found nothing: offer a correction of a typed one. */
  foundNothing(): void;
}

export function useCorrectedQuery({ enabled, correct }: CorrectedQueryOptions): CorrectedQuery {
  const [query, setQuery] = useState<Query>({ text: '', spoken: false });
  const [notice, setNotice] = useState<CorrectionNotice | null>(null);
  const latest = useRef({ enabled, correct, query });
  latest.current = { enabled, correct, query };
  /** Bumped by every change of query, so a late correction can tell it is stale. */
  const turn = useRef(0);

  const set = useCallback((next: Query, nextNotice: CorrectionNotice | null) => {
    turn.current++;
    setQuery(next);
    setNotice(nextNotice);
  }, []);

  const type = useCallback((text: string) => set({ text, spoken: false }, null), [set]);
  const choose = useCallback((text: string) => set({ text, spoken: true }, null), [set]);

  const hear = useCallback(
    (transcript: string, alternatives?: readonly Hypothesis[]) => {
      if (!latest.current.enabled) return set({ text: transcript, spoken: true }, null);
      const mine = ++turn.current;
      latest.current
        .correct(transcript, alternatives)
        .then(spokenQuery, () => ({ query: transcript, notice: null })) // no correction beats no query
        .then(({ query: text, notice: said }) => {
          if (turn.current === mine) set({ text, spoken: true }, said);
        });
    },
    [set],
  );

  const foundNothing = useCallback(() => {
    const { enabled: on, correct: fix, query: current } = latest.current;
    if (!on || current.spoken || current.text.trim() === '') return;
    const mine = turn.current;
    fix(current.text).then(
      (correction) => {
        if (turn.current === mine) setNotice(typedSuggestion(correction));
      },
      () => undefined, // a suggestion is a nicety; nothing to report
    );
  }, []);

  // Switching correction off takes its notices away with it.
  useEffect(() => {
    if (!enabled) setNotice(null);
  }, [enabled]);

  return { query, notice, type, hear, choose, foundNothing };
}
