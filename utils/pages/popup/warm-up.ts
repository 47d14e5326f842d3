import { nameOrder } from './collate';

/**
 * What the first render will need, made while the background's state is still on its way (some
 * 25 ms): a page's first collator costs Chromium about as long, because ICU loads its data then.
 */
export function warmUp(locale: string): void {
  nameOrder(locale).compare(0, 'a', 'b');
}
