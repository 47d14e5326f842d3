import type { CallHistory } from '../../core/calls/history';
import { readStoredHistory } from '../../core/calls/stored-history';
import { createLogger } from '../../core/log';
import type { RosterMirror } from '../service/service';
import { readStoredMirror } from '../service/stored-mirror';
import { callHistoryItem } from '../calls/call-history-store';
import { mirrorItem } from './session-mirror';

const log = createLogger('storage');

export interface StoredState {
  readonly mirror: RosterMirror | undefined;
  readonly history: CallHistory;
}

/**
 * What a starting worker restores: the mirrored state and the call log, each checked. A damaged
 * value gives way to an empty one (what the rest can be salvaged of the log) with a warning; it is
 * not written back, so the next save of that key replaces it, and no other key is touched.
 */
export async function loadStoredState(): Promise<StoredState> {
  const [rawMirror, rawHistory] = await Promise.all([mirrorItem.getValue(), callHistoryItem.getValue()]);
  const { mirror, problem: mirrorProblem } = readStoredMirror(rawMirror);
  if (mirrorProblem)
    log.warn(`the mirrored state in storage.session is unreadable (${mirrorProblem}): starting without it`);
  const { history, problem: historyProblem } = readStoredHistory(rawHistory);
  if (historyProblem)
    log.warn(`the saved call log is damaged (${historyProblem}): kept ${history.records.length} records`);
  return { mirror, history };
}
