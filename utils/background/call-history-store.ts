import { storage } from 'wxt/utils/storage';
import { emptyHistory, type CallHistory } from '../calls/history';

/**
 * The call log, unseen count and delivered ids, in `storage.local`: it must outlive the worker
 * (a replayed call is recognised) and the browser session (missed calls are still there tomorrow).
 * The key carries a format version.
 */
export const callHistoryItem = storage.defineItem<CallHistory>('local:calls-v1', { fallback: emptyHistory });
