/** Listens for the voice search shortcut (shortcut.ts) anywhere on the page. */
import { useEffect, useRef } from 'react';
import { isVoiceShortcut } from './shortcut';

export function useVoiceShortcut(onShortcut: () => void): void {
  const handler = useRef(onShortcut);
  handler.current = onShortcut;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isVoiceShortcut(event)) return;
      event.preventDefault();
      handler.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
