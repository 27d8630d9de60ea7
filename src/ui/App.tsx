/** Wires the page's hooks to its components; the logic lives in the hooks and pure modules. */
import { proxy } from 'comlink';
import { useEffect, useState } from 'react';
import { CorrectionNote } from './correction/CorrectionNote';
import { useCorrectedQuery } from './correction/useCorrectedQuery';
import { ResultsList } from './results/ResultsList';
import type { CatalogueSteps, HeardUtterance } from '../worker/search-api';
import { RESULT_LIMIT } from './search/useSearch';
import { searchWorker } from './search/search-client';
import { useSearch } from './search/useSearch';
import { MODEL_CHOICES, modelName } from './settings/models';
import { settingsPipeline } from './settings/settings';
import { SettingsPanel } from './settings/SettingsPanel';
import { useSettings } from './settings/useSettings';
import { describeStatus } from './status/status';
import { StatusLine } from './status/StatusLine';
import { markTimeline } from './timeline';
import { StoragePanel } from './storage/StoragePanel';
import { useModelStorage } from './storage/useModelStorage';
import { UpdatePrompt } from './update/UpdatePrompt';
import { useAppUpdate } from './update/useAppUpdate';
import { useAudioFile } from './voice-search/useAudioFile';
import { LongFileTranscript } from './long-file/LongFileTranscript';
import { decodeOptions, judgeTranscript, toQuery } from '../query';
import { completeNames, scoreTranscripts, useRecognizer, type CatalogueForEngine } from './voice-search/useRecognizer';
import { useTranscription } from './voice-search/useTranscription';
import { useVoiceCapture } from './voice-search/useVoiceCapture';
import { useVoiceShortcut } from './voice-search/useVoiceShortcut';
import { VoiceSearchBar } from './voice-search/VoiceSearchBar';
import { FeedbackControls } from './monitoring/FeedbackControls';
import { MonitoringView } from './monitoring/MonitoringView';
import { useQueryLog } from './monitoring/useQueryLog';
import { HowItWorked, type HowItWorkedDetail } from './how-it-worked/HowItWorked';
import { DEFAULT_VOICE_CAPTURE_OPTIONS } from '../audio/voice-capture-options';

const MODEL_IDS = MODEL_CHOICES.map((model) => model.id);

/** The page's two views: the search, and Monitoring at #monitoring (a link, so Back works). */
function useHashView(): 'search' | 'monitoring' {
  const read = (): 'search' | 'monitoring' => (globalThis.location?.hash === '#monitoring' ? 'monitoring' : 'search');
  const [view, setView] = useState(read);
  useEffect(() => {
    const onHash = () => setView(read());
    globalThis.addEventListener('hashchange', onHash);
    return () => globalThis.removeEventListener('hashchange', onHash);
  }, []);
  return view;
}

/**
 * The search worker's pipeline for one utterance; verification listens again through the
 * recognition worker, for this utterance only (a comlink proxy the search worker calls back).
 */
function answerInWorker(utterance: HeardUtterance, steps: Partial<CatalogueSteps>) {
  const { heardId } = utterance;
  const listen =
    heardId === undefined
      ? undefined
      : proxy({
          score: (texts: readonly string[]) => scoreTranscripts(heardId, texts),
          complete: (prefixes: readonly string[], options: { beamSize: number; maxNames: number; continuation: number }) => completeNames(heardId, prefixes, options),
        });
  return searchWorker().answer(utterance, steps, RESULT_LIMIT, listen);
}

function suggestInWorker(text: string) {
  return searchWorker().suggest(text);
}

/** The catalogue's names for the recognition worker, from the search worker. */
const CATALOGUE_FOR_ENGINE: CatalogueForEngine = {
  slotNames: () => searchWorker().slotNames(),
};

export function App() {
  const [settings, updateSettings] = useSettings(MODEL_IDS);
  const pipeline = settingsPipeline(settings);
  const corrected = useCorrectedQuery({ enabled: settings.correction, verification: pipeline.verification, answer: answerInWorker, suggest: suggestInWorker });
  const { query } = corrected;
  const recognizer = useRecognizer(settings.modelId, modelName(settings.modelId), settings.backend, settings.language, decodeOptions(pipeline), CATALOGUE_FOR_ENGINE);
  const queryLog = useQueryLog();
  const view = useHashView();
  const [howItWorked, setHowItWorked] = useState<HowItWorkedDetail & { endedAt: number }>();
  const transcription = useTranscription(recognizer.transcribe, corrected.hear, (report) => {
    const model = recognizer.model.phase === 'ready' ? recognizer.model.result : undefined;
    queryLog.heard(report, { modelId: model?.modelId, backend: model?.backend });
    const outline = report.transcript.input?.envelope;
    if (report.query !== undefined && outline) {
      const leadSeconds = DEFAULT_VOICE_CAPTURE_OPTIONS.leadingSilenceMs / 1000;
      setHowItWorked({ envelope: outline, leadSeconds, timings: report.transcript.timings, recognitionMs: report.recognitionMs, endedAt: report.endedAt });
    }
  }, queryLog.keepingRecordings);
  const capture = useVoiceCapture(transcription.submit);
  // A long file's passage is text when the guard takes it for speech (silence and made-up filler are not).
  const audioFile = useAudioFile(transcription.submit, (pcm) =>
    recognizer.transcribe(pcm).then((transcript) => (judgeTranscript(transcript).accepted ? transcript.text.trim() : '')),
  );
  const search = useSearch(query.text, query.spoken);
  useVoiceShortcut(capture.toggle);
  // The service worker installs once the model is settled: its precache would compete with the model's load.
  const update = useAppUpdate(recognizer.model.phase !== 'loading');
  const loaded = recognizer.model.phase === 'ready' ? recognizer.model.result : undefined;
  const modelStorage = useModelStorage(loaded && `${loaded.modelId} ${loaded.loadMs}`, loaded !== undefined && loaded.notStored === undefined);

  useEffect(() => markTimeline('interactive', undefined), []);

  // The query log learns when a query's results are on screen (its end-of-speech → results time).
  const resultsShown = search.index.phase === 'ready' && !search.searching && search.hitsFor === query.text && query.text.trim() !== '';
  const { shown: logShown } = queryLog;
  const { spokenAnswer } = corrected;
  useEffect(() => {
    if (!resultsShown) return;
    logShown(query.text, query.spoken, search.hits.length, query.spoken ? spokenAnswer : undefined);
    if (query.spoken) setHowItWorked((detail) => detail && (detail.resultsMs === undefined ? { ...detail, resultsMs: performance.now() - detail.endedAt } : detail));
    // `query` itself, not its text: the same words spoken twice are two queries, each logged.
    // The answer arrives with its query (one render), so it is not a dependency of its own.
  }, [resultsShown, logShown, query, search.hits.length]);

  // A typed query that finds nothing is offered a correction ("Did you mean …?").
  const foundNothing = search.index.phase === 'ready' && !search.searching && query.text.trim() !== '' && search.hits.length === 0;
  const { foundNothing: offerCorrection } = corrected;
  useEffect(() => {
    if (foundNothing) offerCorrection();
  }, [foundNothing, offerCorrection, query.text]);

  const status = describeStatus({
    model: recognizer.model,
    capture,
    transcription,
    file: audioFile,
    outcome: transcription.outcome,
  });

  return (
    <main className="app">
      <UpdatePrompt update={update} />
      <header>
        <h1>Voice search</h1>
        <p className="tagline">Find any city or country by typing or speaking. Voice search runs entirely in your browser.</p>
      </header>
      {view === 'monitoring' ? (
        <MonitoringView
          log={queryLog.log}
          keepText={queryLog.keepText}
          onKeepText={queryLog.setKeepText}
          keepRecordings={queryLog.keepRecordings}
          onKeepRecordings={queryLog.setKeepRecordings}
          recordingLimit={queryLog.recordingLimit}
        />
      ) : (
        <>
          <VoiceSearchBar
            query={query.text}
            onQueryChange={(text) => {
              corrected.type(text);
              audioFile.clearError();
            }}
            listening={capture.phase !== 'off'}
            onToggleVoice={capture.toggle}
            level={capture.level}
            heardMs={capture.heardMs}
            onAudioFile={audioFile.transcribeFile}
          />
          <StatusLine status={status} model={recognizer.model} onRetry={recognizer.retry} />
          {audioFile.longFile && (
            <LongFileTranscript
              view={audioFile.longFile}
              onCancel={audioFile.cancelLongFile}
              onClose={audioFile.closeLongFile}
              onSearch={(text) => corrected.type(toQuery(text))}
            />
          )}
          <CorrectionNote notice={corrected.notice} onChoose={corrected.choose} />
          {query.spoken && queryLog.latestSpoken && <FeedbackControls feedback={queryLog.latestSpoken.feedback} onFlag={queryLog.flag} />}
          {query.spoken && howItWorked && <HowItWorked detail={howItWorked} answer={corrected.spokenAnswer} />}
          <ResultsList
            query={query.text}
            hits={search.hits}
            indexPhase={search.index.phase}
            indexError={search.index.phase === 'error' ? search.index.message : undefined}
            searching={search.searching}
            onOpen={queryLog.opened}
          />
          <SettingsPanel settings={settings} models={MODEL_CHOICES} onChange={updateSettings}>
            <StoragePanel view={modelStorage} />
          </SettingsPanel>
        </>
      )}
      <footer>
        <p>
          <a href="#monitoring">Monitoring</a>
        </p>
        {search.index.phase === 'ready' && <p>{search.index.size.toLocaleString('en')} places. {search.index.attribution}</p>}
        <p className="build">
          Build {__BUILD_ID__}
          {update.offline && ' · works offline'}
          {update.error && ` · ${update.error}`}
        </p>
      </footer>
    </main>
  );
}
