import { t } from '../../extension/i18n';
import type { MarkLabels } from './mark-element';

/** What marks say, in the browser's language: their `title` and `aria-label`. */
export function markLabels(): MarkLabels {
  return { online: t('markOnline'), offline: t('markOffline'), me: t('markMe'), unknown: t('markUnknown') };
}
