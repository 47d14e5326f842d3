import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserActions } from '../../utils/pages/popup/browser-actions';
import { MARK_SCRIPT, MARK_STATE, markOnce } from '../../utils/pages/popup/perf-marks';
import { Popup } from '../../components/popup/Popup';
import { warmUp } from '../../utils/pages/popup/warm-up';
import { t } from '../../utils/extension/i18n';
import { connectToBackground } from '../../utils/extension/background-port';
import { globalTimers } from '../../utils/core/timers';
import './style.css';

markOnce(MARK_SCRIPT);
const app = document.getElementById('app');
if (app) {
  const locale = browser.i18n.getUILanguage();
  document.documentElement.lang = locale;
  document.title = t('extName');
  const client = connectToBackground(globalTimers, new AbortController().signal);
  const arrived = new AbortController();
  client.subscribe(() => {
    markOnce(MARK_STATE);
    arrived.abort();
  }, arrived.signal);
  render(<Popup client={client} actions={browserActions()} locale={locale} />, app);
  warmUp(locale);
}
