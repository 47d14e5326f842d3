import { t } from './i18n';
import type { CallRefusal } from '../core/messages/roster-state';

/** Why a call could not be made, in the user's language. */
export function refusalText(refusal: CallRefusal, name: string): string {
  switch (refusal) {
    case 'callee-offline':
      return t('refusalCalleeOffline', name);
    case 'self':
      return t('refusalSelf');
    case 'not-signed-in':
      return t('refusalNotSignedIn');
    case 'unknown-identity':
      return t('refusalUnknownIdentity');
    case 'too-many':
      return t('refusalTooMany');
    case 'unknown-call':
      return t('refusalUnknownCall');
  }
}
