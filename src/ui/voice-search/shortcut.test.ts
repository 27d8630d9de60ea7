import { describe, expect, it } from 'vitest';
import { isVoiceShortcut, type KeyPress } from './shortcut';

const press = (overrides: Partial<KeyPress>): KeyPress => ({
  code: 'Space',
  key: ' ',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  repeat: false,
  ...overrides,
});

describe('isVoiceShortcut', () => {
  it('matches Ctrl+Shift+Space and Cmd+Shift+Space', () => {
    expect(isVoiceShortcut(press({ ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isVoiceShortcut(press({ metaKey: true, shiftKey: true }))).toBe(true);
  });

  it('never matches what typing produces', () => {
    expect(isVoiceShortcut(press({}))).toBe(false);
    expect(isVoiceShortcut(press({ shiftKey: true }))).toBe(false);
    expect(isVoiceShortcut(press({ code: 'Slash', key: '/' }))).toBe(false);
    expect(isVoiceShortcut(press({ ctrlKey: true }))).toBe(false);
  });

  it('ignores Alt combinations and auto-repeat (a held key toggles once)', () => {
    expect(isVoiceShortcut(press({ ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(isVoiceShortcut(press({ ctrlKey: true, shiftKey: true, repeat: true }))).toBe(false);
  });
});
