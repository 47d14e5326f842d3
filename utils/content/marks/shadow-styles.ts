import { createLogger } from '../../core/log';
import { offerPart } from '../part-shelf';
import { adoptSheet } from '../shadow-sheet';

const log = createLogger('marks');

/**
 * Gives the hosts' shadow roots the marks' rules, which the page's own stylesheets (and ours) do
 * not reach. The rules come in a part (`load`), asked for at the first shadow root: most host pages
 * have none, and the browser already gives the rest of the page the same rules as a stylesheet.
 * A root found meanwhile is styled when they arrive (its marks show a moment later, never wrong).
 */
export function styleShadowRootsOnUse(load: () => Promise<unknown>, signal: AbortSignal): (root: ShadowRoot) => void {
  let css: string | undefined;
  /** Roots found before the rules came, styled when they do (a failed load keeps them for the next). */
  const waiting: ShadowRoot[] = [];
  let asking = false;
  offerPart(
    'shadow-styles',
    {
      started(rules) {
        css = rules;
        for (const root of waiting.splice(0)) adoptSheet(root, rules, 'marks');
      },
    },
    () => !signal.aborted,
  );
  return (root) => {
    if (css !== undefined) return adoptSheet(root, css, 'marks');
    waiting.push(root);
    if (asking) return;
    asking = true;
    // Settled without the rules (refused, or the part found an older script's offer): the next root asks again.
    load().then(
      () => (asking = false),
      (error: unknown) => {
        asking = false;
        log.debug('could not load the marks’ rules for shadow roots', error);
      },
    );
  };
}
