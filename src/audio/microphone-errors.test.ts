import { describe, expect, it } from 'vitest';
import { describeMicrophoneError } from './microphone-errors';

const domError = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('describeMicrophoneError', () => {
  it('says permission was denied, and that typing still works', () => {
    const { problem, message } = describeMicrophoneError(domError('NotAllowedError', 'Permission denied'));
    expect(problem).toBe('denied');
    expect(message).toMatch(/denied/);
    expect(message).toMatch(/typing still works/);
  });

  it('tells a missing microphone from a busy one', () => {
    expect(describeMicrophoneError(domError('NotFoundError')).problem).toBe('missing');
    expect(describeMicrophoneError(domError('NotReadableError')).problem).toBe('busy');
  });

  it('keeps the first line of an unknown error', () => {
    const { problem, message } = describeMicrophoneError(new Error('worklet failed\nstack'));
    expect(problem).toBe('other');
    expect(message).toContain('(worklet failed)');
    expect(message).not.toContain('stack');
    expect(describeMicrophoneError('odd').problem).toBe('other');
  });
});
