/** Verification's public door: candidates, the decision and their options (verification-options.ts explains the step). */
export { DEFAULT_VERIFICATION_OPTIONS, type VerificationOptions } from './verification-options';
export { namedPrior, placeCandidates, type PlaceCandidate, type SlotNames, type HeardName } from './place-candidates';
export { candidateScore, verifyPlace, type HeardScore, type Verdict } from './verify-place';
export { placeSlots, slotNames, type PlaceSlot } from './place-slots';
