import { useRef, useState, type DragEvent } from 'react';
import { LevelMeter } from './LevelMeter';
import { VOICE_SHORTCUT_ARIA, VOICE_SHORTCUT_LABEL } from './shortcut';

export interface VoiceSearchBarProps {
  query: string;
  onQueryChange(query: string): void;
  listening: boolean;
  onToggleVoice(): void;
  level: number;
  heardMs: number;
  onAudioFile(file: File): void;
}

/** The search box, the voice button with its level meter, and audio-file upload (or drop). */
export function VoiceSearchBar({ query, onQueryChange, listening, onToggleVoice, level, heardMs, onAudioFile }: VoiceSearchBarProps) {
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onAudioFile(file);
  };

  return (
    <form
      role="search"
      className={dragging ? 'search-bar dragging' : 'search-bar'}
      onSubmit={(event) => event.preventDefault()}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="search-row">
        <input
          type="search"
          aria-label="Search"
          placeholder="Search cities and countries"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
        />
        <button
          type="button"
          className="voice-button"
          aria-label="Voice search"
          aria-pressed={listening}
          aria-keyshortcuts={VOICE_SHORTCUT_ARIA}
          title={`Voice search (${VOICE_SHORTCUT_LABEL})`}
          onClick={onToggleVoice}
        >
          <MicrophoneIcon />
        </button>
      </div>
      <div className="search-tools">
        <LevelMeter level={level} active={listening} heardMs={heardMs} />
        <label className="file-button">
          Transcribe an audio file…
          <input
            ref={fileInput}
            type="file"
            accept="audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.webm"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) onAudioFile(file);
              // The same file chosen again is a new request.
              event.target.value = '';
            }}
          />
        </label>
        <span className="hint">
          or drop one here · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Space</kbd> starts and stops voice search
        </span>
      </div>
    </form>
  );
}

function MicrophoneIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 14a3 3 0 0 0 3-3V5a3 3 0 1 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2Z"
      />
    </svg>
  );
}
