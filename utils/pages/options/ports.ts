import type { ShortcutPort } from '../browser-shortcut';
import type { SetupProbes } from './probe-client';
import type { EditableSettings } from '../../extension/settings-storage';
import type { SettingsResult } from '../../core/settings/validate';
import type { TesterReply } from '../../core/messages/options-tester';
import type { TabInfo } from './tester-tabs';

/**
 * Everything the options page needs from the browser and the background, behind one interface:
 * the page's components take it as a prop, tests pass fakes, `browser-ports.ts` the real thing.
 */
export interface OptionsPorts {
  readonly settings: {
    /** Now, and after every change of the saved settings or the policy, until `signal` aborts. */
    follow(listener: (settings: EditableSettings) => void, signal: AbortSignal): void;
    /** Validates the whole value, then saves it; nothing is written when it is invalid. */
    save(draft: unknown): Promise<SettingsResult>;
  };
  readonly permissions: {
    /** Host-permission patterns held now. */
    granted(): Promise<string[]>;
    /** Calls back when permissions are granted or revoked (in the browser's settings, too). */
    onChange(listener: () => void, signal: AbortSignal): void;
    /**
     * Shows the browser's prompt. Must be called straight from a click or key press, with nothing
     * awaited before it: browsers allow the prompt only inside the user's gesture.
     */
    request(origins: readonly string[]): Promise<boolean>;
  };
  readonly probes: SetupProbes;
  readonly tester: {
    /** Open tabs (web pages whose address Roster may see). */
    tabs(): Promise<TabInfo[]>;
    onTabsChange(listener: () => void, signal: AbortSignal): void;
    /**
     * Starts testing in every web-page frame of `tabId` (an iframe shell's pages too); replies say
     * which frame (0: the tab's own page). The returned function sends a profile to them all (again
     * after each edit). Stops when `signal` aborts.
     */
    start(
      tabId: number,
      onReply: (reply: TesterReply, frameId: number) => void,
      signal: AbortSignal,
    ): Promise<(profile: unknown) => void>;
    /** Brings the tab to the front, to see the outlined rows. */
    show(tab: TabInfo): Promise<void>;
  };
  /** The key that opens the popup, and the browser's page to change it. */
  readonly shortcut: ShortcutPort;
  /** Plays the ring at this volume (0–1), as an incoming call would. */
  readonly playRing: (volume: number) => void;
  /** Offers `text` as a download named `name`. */
  readonly download: (name: string, text: string) => void;
  /** This extension's id (for policy files) and which browser family this build is for. */
  readonly extension: { readonly id: string; readonly browser: 'chrome' | 'firefox' };
}
