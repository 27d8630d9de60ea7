/**
 * Plain words for why the microphone could not be used (pure; tested in Node). getUserMedia
 * rejects with a DOMException whose `name` says what happened
 * (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia).
 */

export type MicrophoneProblem = 'denied' | 'missing' | 'busy' | 'insecure' | 'unsupported' | 'other';

export interface MicrophoneError {
  problem: MicrophoneProblem;
  /** One sentence for the status line; typing always still works, so it says so. */
  message: string;
}

const MESSAGES: Record<MicrophoneProblem, string> = {
  denied: 'Microphone access was denied. Allow it in the browser’s site settings to search by voice — typing still works.',
  missing: 'No microphone was found. Connect one to search by voice — typing still works.',
  busy: 'The microphone is in use by another program or could not be started — typing still works.',
  insecure: 'The microphone needs a secure page (https or localhost) — typing still works.',
  unsupported: 'This browser cannot record audio here — typing still works.',
  other: 'The microphone could not be started — typing still works.',
};

/** For a microphone that goes away while listening (its track ended): what was heard is kept. */
export const MICROPHONE_LOST_MESSAGE =
  'The microphone was disconnected, so voice search stopped; what it heard before is kept. Connect it and press the microphone button to go on — typing still works.';

export function describeMicrophoneError(error: unknown): MicrophoneError {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const problem = problemOf(name);
  if (problem !== 'other') return { problem, message: MESSAGES[problem] };
  const detail = error instanceof Error && error.message ? ` (${error.message.split('\n')[0]})` : '';
  return { problem, message: MESSAGES.other.replace(' —', `${detail} —`) };
}

function problemOf(name: string): MicrophoneProblem {
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'SecurityError':
      return 'insecure';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}
