import { useEffect, useRef, useState } from 'preact/hooks';
import { jsonEqual } from '../../../utils/pages/options/json';

/**
 * What a text control shows, kept as typed. The form stores parsed values (a number, a list); were
 * the control drawn from them, "1." would snap to "1" and a new empty line would vanish under the
 * cursor. The text follows the stored value only when that changes from elsewhere.
 */
export function useTextBuffer<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => unknown,
): [string, (text: string) => void] {
  const [text, setText] = useState(() => format(value));
  const typed = useRef(text);
  useEffect(() => {
    if (!jsonEqual(parse(typed.current), value)) {
      typed.current = format(value);
      setText(typed.current);
    }
  }, [value]);
  const onText = (next: string) => {
    typed.current = next;
    setText(next);
  };
  return [text, onText];
}
