import { protectedItem } from '../../extension/protected-item';
import { emptyHistory, type CallHistory } from '../../core/calls/history';

/**
 * The call log, unseen count and delivered ids, kept where content scripts cannot reach: it must outlive the worker
 * (a replayed call is recognised) and the browser session (missed calls are still there tomorrow).
 * The key carries a format version.
 */
export const callHistoryItem = protectedItem<CallHistory>('calls-v1', { fallback: emptyHistory });
