/**
 * "How it worked" for the last spoken query, for the stakeholder demo: the utterance's waveform
 * with the detector's cut, where the time from the end of speech to the results went, the n-best
 * list with its scores, and which step changed what was heard. Closed until asked for.
 */
import type { SpokenQueryAnswer } from '../../query';
import type { StageTimings } from '../../engine/transcript';
import { changesOf, stagesOf, type Envelope } from './how-it-worked';

export interface HowItWorkedDetail {
  envelope: Envelope;
  /** Silence put before the detector's cut (leading-silence.ts), in seconds. */
  leadSeconds: number;
  timings: StageTimings;
  recognitionMs: number;
  resultsMs?: number;
}

const STAGE_COLOURS = ['#9aa0a6', '#fbbc04', '#1a73e8', '#188038', '#d93025'];
const WIDTH = 480;
const HEIGHT = 64;

function Waveform({ envelope, leadSeconds }: Pick<HowItWorkedDetail, 'envelope' | 'leadSeconds'>) {
  const n = envelope.max.length;
  const x = (i: number) => (i / Math.max(1, n - 1)) * WIDTH;
  const y = (v: number) => HEIGHT / 2 - v * (HEIGHT / 2);
  const outline = [...envelope.max.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`), ...envelope.min.map((v, i) => `${x(n - 1 - i).toFixed(1)},${y(envelope.min[n - 1 - i]!).toFixed(1)}`)].join(' ');
  const cut = (leadSeconds / envelope.seconds) * WIDTH;
  return (
    <svg className="waveform" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Waveform: ${envelope.seconds.toFixed(2)} s, the detector's cut at ${leadSeconds.toFixed(2)} s`}>
      <rect x={0} y={0} width={cut} height={HEIGHT} fill="#f1f3f4" />
      <polygon points={outline} fill="#1a73e8" />
      <line x1={cut} x2={cut} y1={0} y2={HEIGHT} stroke="#d93025" strokeWidth={1.5} />
    </svg>
  );
}

export function HowItWorked({ detail, answer }: { detail: HowItWorkedDetail; answer?: SpokenQueryAnswer }) {
  const stages = stagesOf(detail.timings, detail.recognitionMs, detail.resultsMs);
  const total = stages.reduce((sum, s) => sum + s.ms, 0);
  return (
    <details className="how-it-worked">
      <summary>How it worked</summary>
      <h3>What the microphone heard</h3>
      <Waveform envelope={detail.envelope} leadSeconds={detail.leadSeconds} />
      <p className="settings-note">
        {detail.envelope.seconds.toFixed(2)} s of audio. The voice activity detector cut the speech at the red line; the {detail.leadSeconds.toFixed(2)} s before it is
        silence put in front for the model.
      </p>
      <h3>Where the time went</h3>
      <div className="stage-bar" aria-hidden="true">
        {stages.map((s, i) => (
          <span key={s.label} style={{ flexGrow: Math.max(s.ms, 0.0001), background: STAGE_COLOURS[i % STAGE_COLOURS.length] }} title={`${s.label}: ${Math.round(s.ms)} ms`} />
        ))}
      </div>
      <p className="stage-list" data-testid="stage-list">
        {stages.map((s) => `${s.label} ${Math.round(s.ms)} ms`).join(' · ')} — {Math.round(total)} ms from the end of speech{detail.resultsMs === undefined ? ' to the transcript' : ' to the results'}
      </p>
      {answer?.accepted && (
        <>
          <h3>What the recogniser thought it heard</h3>
          <ol className="n-best" aria-label="Hypotheses">
            {(answer.alternatives.length ? answer.alternatives : [{ text: answer.heard, sumLogprob: NaN }]).map((h, i) => (
              <li key={`${i}:${h.text}`}>
                “{h.text}”{Number.isFinite(h.sumLogprob) && ` (log-probability ${h.sumLogprob.toFixed(2)})`}
                {i === answer.chosen && <strong> — chosen</strong>}
              </li>
            ))}
          </ol>
          <h3>What changed the query</h3>
          <ul aria-label="Changes">
            {changesOf(answer).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p>
            Searched: <strong>“{answer.query}”</strong>
          </p>
        </>
      )}
    </details>
  );
}
