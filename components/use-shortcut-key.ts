import { useEffect, useState } from 'preact/hooks';
import type { ShortcutPort } from '../utils/pages/browser-shortcut';

/**
 * The key that opens the popup: `null` until the browser answers (so nothing wrong is said),
 * `undefined` when none is bound. Read again when the page gets focus back, since the key is
 * changed on the browser's own page.
 */
export function useShortcutKey(shortcut: ShortcutPort): string | undefined | null {
  const [key, setKey] = useState<string | undefined | null>(null);
  useEffect(() => {
    let current = true;
    const refresh = () => void shortcut.current().then((found) => current && setKey(found));
    refresh();
    window.addEventListener('focus', refresh);
    return () => {
      current = false;
      window.removeEventListener('focus', refresh);
    };
  }, [shortcut]);
  return key;
}
