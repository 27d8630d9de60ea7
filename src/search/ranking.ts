/**
 * How much a place is worth before the query is known: its prior. The text score of every match
 * is multiplied by it, so among equally good text matches the likelier place comes first.
 *
 *   prior = (1 + populationWeight × log10(1 + population)) × featureWeight
 *
 * Population on a log scale (see SearchOptions.populationWeight). The feature weight nudges by
 * what GeoNames says a place is: people look for capitals more than their size alone suggests
 * (Washington, D.C., 0.6 million, against the many small Washingtons), and a section of a city
 * ("Zürich (Kreis 11)") less than the city itself.
 */
import type { Place } from './place';

/** GeoNames feature code → weight; codes not listed weigh 1. */
export const FEATURE_WEIGHTS: Readonly<Record<string, number>> = {
  PPLC: 1.25, // capital of a country
  PPLA: 1.1, // seat of a first-level division (state, province)
  PPLX: 0.8, // section of a populated place
};

/** The two parts of every place's prior, computed once per index. */
export interface Priors {
  /** log10(1 + population) per place. */
  readonly logPopulation: Float64Array;
  /** FEATURE_WEIGHTS per place. */
  readonly featureWeight: Float64Array;
}

export function placePriors(places: readonly Place[]): Priors {
  return {
    logPopulation: Float64Array.from(places, (p) => Math.log10(1 + Math.max(0, p.population))),
    featureWeight: Float64Array.from(places, (p) => FEATURE_WEIGHTS[p.featureCode] ?? 1),
  };
}

export function prior(priors: Priors, position: number, populationWeight: number): number {
  return (1 + populationWeight * priors.logPopulation[position]!) * priors.featureWeight[position]!;
}
