import { useState } from 'react';
import type { SearchHit } from '../../search';
import { formatCoordinates, formatPopulation, matchReasons } from './describe-hit';

export interface ResultsListProps {
  query: string;
  hits: readonly SearchHit[];
  /** The index is still being built, or failed. */
  indexPhase: 'loading' | 'ready' | 'error';
  indexError?: string;
  searching: boolean;
  /** The person opened the result at `rank` (0 first): the query log keeps which. */
  onOpen?(rank: number, placeId: string): void;
}

export function ResultsList({ query, hits, indexPhase, indexError, searching, onOpen }: ResultsListProps) {
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading" className="visually-hidden">
        Results
      </h2>
      <p className="results-note" aria-live="polite">
        {indexPhase === 'loading' && 'Loading the list of places…'}
        {indexPhase === 'error' && `The list of places could not be loaded: ${indexError}.`}
        {indexPhase === 'ready' && query.trim() !== '' && !searching && hits.length === 0 && `No places match “${query}”.`}
      </p>
      <ol className="results-list" role="list" aria-label="Results" aria-busy={searching}>
        {hits.map((hit, rank) => (
          <ResultItem key={`${query}\u0000${hit.place.id}`} hit={hit} onOpen={() => onOpen?.(rank, hit.place.id)} />
        ))}
      </ol>
    </section>
  );
}

/** A result; opening it (its name is a button) shows where the place is and what else it is called. */
function ResultItem({ hit, onOpen }: { hit: SearchHit; onOpen(): void }) {
  const { place } = hit;
  const [open, setOpen] = useState(false);
  const where = place.kind === 'country' ? place.continent : [place.region, place.countryName].filter(Boolean).join(', ');
  const detailsId = `place-${place.id.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <li className="result">
      <div className="result-head">
        <button
          type="button"
          className="result-name"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => {
            if (!open) onOpen();
            setOpen(!open);
          }}
        >
          {place.name}
        </button>
        <span className={`result-kind result-kind-${place.kind}`}>{place.kind}</span>
      </div>
      <div className="result-where">
        {where} · {formatPopulation(place.population)}
      </div>
      <div className="result-why">
        <span className="visually-hidden">Matched: </span>
        {matchReasons(hit.matched).map((reason) => (
          <span key={`${reason.term}-${reason.kind}`} className={`match match-${reason.kind}`}>
            “{reason.term}”{reason.from ? ` from “${reason.from}”` : ''} · {reason.field} · {reason.kind}
          </span>
        ))}
      </div>
      {open && (
        <div className="result-details" id={detailsId}>
          {formatCoordinates(place.lat, place.lon)}
          {place.altNames.length > 0 && ` · also ${place.altNames.slice(0, 5).join(', ')}`}
        </div>
      )}
    </li>
  );
}
