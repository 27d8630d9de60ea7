/**
 * From what a person said or typed to the words the place index should see.
 *
 * Spoken queries carry a lot besides the place: "um, show me restaurants near the Eiffel Tower
 * in Paris". Sent to the index as they are, "restaurants" and "show" match nothing, and with
 * AND that sinks the whole query. So the query is folded like the index (see text.ts), filler
 * words are set aside, and what remains are the place-like words. If every word is filler
 * ("show me the weather") the other words are searched instead (the index then requires all of
 * them): "Best" alone is a town in the Netherlands. Hesitations ("um", "uh") are never searched:
 * a recogniser that heard only "Um." heard no query.
 *
 * The words after the last place preposition ("in", "near", "to", ...) are the focus: in
 * "flights from London to Paris" or "the Eiffel Tower in Paris" the place sought is Paris. The
 * words before it stay in the query but weigh less, which only matters when no place matches
 * every word and the index falls back to matching any of them.
 */
import { spokenForms } from './spoken-forms';
import { words } from './text';

/** Sounds of hesitation a recogniser writes down; never part of a query. */
export const HESITATIONS: ReadonlySet<string> = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'hm', 'mm']);

/**
 * Words that say what a person wants to do with a place, not which place. Grouped by why they
 * are here; all lower case and folded like index terms. Words that often belong to place names
 * are deliberately absent: "new", "city", "san", "saint", "great", "lake", "park", "beach",
 * "north", "port", "us" (United States), "la", "de"...
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  ...HESITATIONS,
  // Interjections and politeness.
  'oh', 'okay', 'ok', 'so', 'well', 'like', 'yeah', 'hey', 'hi', 'hello', 'please', 'thanks', 'thank',
  // Requests: "show me", "search for", "I'd like to go to", "what is".
  'i', 'im', 'id', 'ill', 'me', 'my', 'we', 'our', 'you', 'your', 'can', 'could', 'would', 'will',
  'should', 'want', 'wanna', 'need', 'love', 'looking', 'look', 'find', 'search', 'searching',
  'show', 'tell', 'give', 'get', 'book', 'plan', 'planning', 'go', 'going', 'travel', 'traveling',
  'travelling', 'trip', 'holiday', 'holidays', 'vacation', 'visit', 'visiting', 'how', 'what',
  'whats', 'where', 'wheres', 'which', 'when', 'is', 'are', 'was', 'be', 'there', 'any', 'some',
  'all', 'about', 'for', 'with', 'the', 'a', 'an', 'of', 'and', 'or', 'on', 'by', 'up', 'it', 'its',
  'this', 'that', 'these', 'those', 'next', 'now', 'today', 'tomorrow', 'tonight', 'weekend',
  'week',
  // Place prepositions (also the focus markers below).
  'in', 'near', 'nearby', 'at', 'around', 'to', 'from', 'into', 'close', 'local',
  // What people look for at a place.
  'weather', 'forecast', 'temperature', 'rain', 'hotels', 'hotel', 'motels', 'hostels',
  'accommodation', 'restaurants', 'restaurant', 'food', 'eat', 'dinner', 'lunch', 'breakfast',
  'coffee', 'cafe', 'cafes', 'shops', 'shop', 'shopping', 'stores', 'store', 'bars', 'pubs',
  'nightlife', 'clubs', 'museums', 'museum', 'galleries', 'attractions', 'sights',
  'sightseeing', 'tours', 'tour', 'things', 'do', 'see', 'flights', 'flight', 'fly', 'trains',
  'train', 'tickets', 'ticket', 'bus', 'airport', 'airports', 'car', 'rental', 'rentals',
  'apartments', 'apartment', 'houses', 'homes', 'rent', 'sale', 'jobs', 'events', 'concerts',
  'news', 'time', 'map', 'maps', 'directions', 'distance', 'population', 'cheap', 'cheapest',
  'best', 'top', 'open', 'hours',
]);

/**
 * Pairs that are filler only together: "show us" is a request, but "us" alone is the United
 * States.
 */
const FILLER_PHRASES: ReadonlyArray<readonly string[]> = [
  ['show', 'us'],
  ['tell', 'us'],
  ['give', 'us'],
  ['find', 'us'],
  ['help', 'us'],
  ['let', 'us'],
];

/** After the last of these words comes the place sought ("hotels in Paris", "flights to Tokyo"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'near', 'nearby', 'at', 'around', 'to', 'from', 'into',
]);

/** How much a word before the last place preposition weighs against one after it. */
export const CONTEXT_WORD_WEIGHT = 0.5;

export interface ParsedQuery {
  /** Folded words the index should match, in the order spoken. */
  readonly terms: readonly string[];
  /** One weight per term: 1 for the focus, CONTEXT_WORD_WEIGHT for words before it. */
  readonly weights: readonly number[];
  /** Filler words that were set aside. */
  readonly ignored: readonly string[];
  /** True when every word was filler and `terms` are the raw words (less any hesitations). */
  readonly allFiller: boolean;
}

/** Splits a query into the place-like words to search and the filler around them. */
export function parseQuery(text: string): ParsedQuery {
  // In the index's forms (spoken-forms.ts): "st louis" → "saint louis", "twenty nine" → "29".
  const all = spokenForms(words(text));
  const isFiller = markFillers(all);

  const kept: { word: string; position: number }[] = [];
  const ignored: string[] = [];
  all.forEach((word, position) => (isFiller[position] ? ignored.push(word) : kept.push({ word, position })));

  if (kept.length === 0) {
    const spoken = all.filter((word) => !HESITATIONS.has(word));
    const hesitations = all.filter((word) => HESITATIONS.has(word));
    return { terms: spoken, weights: spoken.map(() => 1), ignored: hesitations, allFiller: spoken.length > 0 };
  }

  const focusStart = lastPrepositionBefore(all, kept[kept.length - 1]!.position) + 1;
  return {
    terms: kept.map((k) => k.word),
    weights: kept.map((k) => (k.position >= focusStart ? 1 : CONTEXT_WORD_WEIGHT)),
    ignored,
    allFiller: false,
  };
}

/** For each folded word, whether it is filler: a FILLER_WORDS word, or part of a FILLER_PHRASES pair. */
export function markFillers(all: readonly string[]): boolean[] {
  const isFiller = all.map((word) => FILLER_WORDS.has(word));
  for (const phrase of FILLER_PHRASES) {
    for (let start = 0; start + phrase.length <= all.length; start++) {
      if (phrase.every((word, offset) => all[start + offset] === word)) {
        phrase.forEach((_, offset) => (isFiller[start + offset] = true));
      }
    }
  }
  return isFiller;
}

/** Position of the last place preposition before `end`, or -1 when there is none. */
function lastPrepositionBefore(all: readonly string[], end: number): number {
  for (let position = end - 1; position >= 0; position--) {
    if (PLACE_PREPOSITIONS.has(all[position]!)) return position;
  }
  return -1;
}
