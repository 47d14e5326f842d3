import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { type PageIdentityConfig, type PageReading } from '../../core/identity/page-reading';
import { readPageIdentity } from '../../extension/read-page-identity';
import { createLogger } from '../../core/log';
import { PageReadingSchema } from '../../core/messages/views-background';

const log = createLogger('identity');

/**
 * Runs the page reader once in each of these tabs (the options page's Test, with settings not yet
 * saved). What comes back is the host page's data: checked like any message before it is used.
 */
export function readPagesInTabs(
  tabIds: () => readonly number[],
): (config: PageIdentityConfig) => Promise<PageReading[]> {
  return async (config) => {
    const answers = await Promise.all(
      tabIds().map((tabId) =>
        browser.scripting.executeScript({ target: { tabId }, func: readPageIdentity, args: [config] }).then(
          (results) => results[0]?.result,
          (error: unknown) => log.debug(`could not read tab ${tabId}`, error),
        ),
      ),
    );
    return answers.flatMap((answer) => {
      const reading = v.safeParse(PageReadingSchema, answer);
      return reading.success ? [reading.output] : [];
    });
  };
}
