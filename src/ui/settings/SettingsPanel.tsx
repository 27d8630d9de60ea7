import { useId, type ReactNode } from 'react';
import { modelFamily, type ModelChoice } from './models';
import { BACKEND_CHOICES, LANGUAGE_CHOICES, offersLanguage, type Settings, switchesFor } from './settings';

export interface SettingsPanelProps {
  settings: Settings;
  models: readonly ModelChoice[];
  onChange(change: Partial<Settings>): void;
  /** Shown at the end of the panel: what the browser stores (StoragePanel). */
  children?: ReactNode;
}

/**
 * Model, compute backend, language and the recognition switches; kept in this browser
 * (localStorage). Only what applies to the chosen model is shown: Moonshine has no language
 * choice and no context switch (settings.ts switchesFor); the hidden values are kept for Whisper.
 */
export function SettingsPanel({ settings, models, onChange, children }: SettingsPanelProps) {
  const id = useId();
  const family = models.find((m) => m.id === settings.modelId)?.family ?? modelFamily(settings.modelId);
  return (
    <details className="settings">
      <summary>Settings</summary>
      <div className="settings-fields">
        <div className="settings-field">
          <label htmlFor={`${id}-model`}>Model</label>
          <select id={`${id}-model`} value={settings.modelId} onChange={(event) => onChange({ modelId: event.target.value })}>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name}
              </option>
            ))}
          </select>
        </div>
        <div className="settings-field">
          <label htmlFor={`${id}-backend`}>Compute backend</label>
          <select id={`${id}-backend`} value={settings.backend} onChange={(event) => onChange({ backend: event.target.value as Settings['backend'] })}>
            {BACKEND_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {offersLanguage(family) ? (
          <div className="settings-field">
            <label htmlFor={`${id}-language`}>Language</label>
            <select id={`${id}-language`} value={settings.language} onChange={(event) => onChange({ language: event.target.value })}>
              {LANGUAGE_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="settings-field">Language: English (this model knows no other)</p>
        )}
        {switchesFor(family).map((choice) => (
          <div className="settings-field settings-switch" key={choice.key}>
            <input
              type="checkbox"
              id={`${id}-${choice.key}`}
              checked={settings[choice.key]}
              onChange={(event) => onChange({ [choice.key]: event.target.checked })}
            />
            <label htmlFor={`${id}-${choice.key}`}>{choice.label}</label>
          </div>
        ))}
      </div>
      <p className="settings-note">Settings are kept in this browser. Models run on your device; nothing you say leaves it.</p>
      {children}
    </details>
  );
}
