import markStyles from './mark-styles.css?inline';
import { adoptSheet } from '../shadow-sheet';

/** Gives a host's shadow root the marks' rules, leaving the host's own markup alone. */
export function styleShadowRoot(root: ShadowRoot): void {
  adoptSheet(root, markStyles, 'marks');
}
