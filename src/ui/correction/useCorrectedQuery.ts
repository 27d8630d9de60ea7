/**
 * Owns the search box's query and what the page says about its correction. A spoken query goes
 * through the spoken-query pipeline in the search worker (src/query/spoken-query.ts; its catalogue
 * steps on or off by the setting) before it reaches the box; a typed one goes in as it is, and is
 * offered a correction only when it finds nothing. An answer that comes back after the user has
 * typed something else is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogueSteps, HeardUtterance, SpokenQueryAnswer, TranscriptCorrection } from '../../worker/search-api';
import { type CorrectionNotice, spokenQuery, typedSuggestion } from './correction-notice';

export interface Query {
  text: string;
  /** Spoken (or chosen from a notice): a finished query, not one being typed. */
  spoken: boolean;
}

export interface CorrectedQueryOptions {
  /** The catalogue steps for spoken queries, and corrections offered at all (the "Correct place names" setting). */
  enabled: boolean;
  /** Verification of spoken queries by the recogniser listening again (the "Check place names by listening again" setting). */
  verification: boolean;
  /** The search worker's spoken-query pipeline (SearchApi.answer). */
  answer(utterance: HeardUtterance, steps: Partial<CatalogueSteps>): Promise<SpokenQueryAnswer>;
  /** The search worker's correction of a typed text (SearchApi.suggest). */
  suggest(text: string): Promise<TranscriptCorrection>;
}

export interface CorrectedQuery {
  query: Query;
  notice: CorrectionNotice | null;
  /** The search worker's answer for the latest spoken query (for "How it worked"); cleared by typing. */
  spokenAnswer?: SpokenQueryAnswer;
  /** The user typed in the box. */
  type(text: string): void;
  /** A transcript was accepted as `heard` (the transcript guard's query); `utterance` is what the recogniser said, n-best included. */
  hear(heard: string, utterance: HeardUtterance): void;
  /** Search for this text as a finished query: a suggestion taken, or what was heard after all. */
  choose(text: string): void;
  /** The current query found nothing: offer a correction of a typed one. */
  foundNothing(): void;
}

export function useCorrectedQuery({ enabled, verification, answer, suggest }: CorrectedQueryOptions): CorrectedQuery {
  const [query, setQuery] = useState<Query>({ text: '', spoken: false });
  const [notice, setNotice] = useState<CorrectionNotice | null>(null);
  const [spokenAnswer, setSpokenAnswer] = useState<SpokenQueryAnswer>();
  const latest = useRef({ enabled, verification, answer, suggest, query });
  latest.current = { enabled, verification, answer, suggest, query };
  /** Bumped by every change of query, so a late correction can tell it is stale. */
  const turn = useRef(0);

  const set = useCallback((next: Query, nextNotice: CorrectionNotice | null) => {
    turn.current++;
    setQuery(next);
    setNotice(nextNotice);
  }, []);

  const type = useCallback(
    (text: string) => {
      setSpokenAnswer(undefined);
      set({ text, spoken: false }, null);
    },
    [set],
  );
  const choose = useCallback((text: string) => set({ text, spoken: true }, null), [set]);

  const hear = useCallback(
    (heard: string, utterance: HeardUtterance) => {
      const { enabled: on, verification } = latest.current;
      if (!on && !verification) {
        setSpokenAnswer(undefined);
        return set({ text: heard, spoken: true }, null);
      }
      const mine = ++turn.current;
      latest.current
        .answer(utterance, { rescoring: on, correction: on, verification })
        .then(
          (answered) => ({ ...(answered.accepted ? spokenQuery(answered.correction) : { query: heard, notice: null }), answered }),
          () => ({ query: heard, notice: null, answered: undefined }), // no correction beats no query
        )
        .then(({ query: text, notice: said, answered }) => {
          if (turn.current !== mine) return;
          setSpokenAnswer(answered);
          set({ text, spoken: true }, said);
        });
    },
    [set],
  );

  const foundNothing = useCallback(() => {
    const { enabled: on, suggest: fix, query: current } = latest.current;
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

  return { query, notice, spokenAnswer, type, hear, choose, foundNothing };
}
