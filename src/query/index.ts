/**
 * The spoken-query pipeline's public door: the policy (pipeline-options.ts), the transcript guard
 * and the catalogue steps (spoken-query.ts). Pure; the page's search worker, the command line
 * and the reports all go through it.
 */
export { DEFAULT_PIPELINE_OPTIONS, decodeOptions, pipelineOptions, type PipelineOptions } from './pipeline-options';
export { answerSpokenQuery, answerVerified, correctQuery, searchSpoken, type CatalogueSteps, type HeardUtterance, type Listen, type QueryCatalogue, type SpokenQueryAnswer, type VerificationReport } from './spoken-query';
export { judgeTranscript, toQuery, type QueryHypothesis, type TranscriptVerdict } from './transcript-guard';
