import type { SearchHit } from '../../search';
import { formatPopulation, matchReasons } from './describe-hit';

export interface ResultsListProps {
  query: string;
  hits: readonly SearchHit[];
  /** The index is still being built, or failed. */
  indexPhase: 'loading' | 'ready' | 'error';
  indexError?: string;
  searching: boolean;
}

export function ResultsList({ query, hits, indexPhase, indexError, searching }: ResultsListProps) {
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
        {hits.map((hit) => (
          <ResultItem key={hit.place.id} hit={hit} />
        ))}
      </ol>
    </section>
  );
}

function ResultItem({ hit }: { hit: SearchHit }) {
  const { place } = hit;
  const where = place.kind === 'country' ? place.continent : [place.region, place.countryName].filter(Boolean).join(', ');
  return (
    <li className="result">
      <div className="result-head">
        <span className="result-name">{place.name}</span>
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
    </li>
  );
}
