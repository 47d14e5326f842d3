import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { t } from '../../utils/extension/i18n';
import { connectToBackground } from '../../utils/extension/background-port';
import { globalTimers } from '../../utils/core/timers';
import { browserOptionsPorts } from '../../utils/pages/options/browser-ports';
// The popup's colours, buttons, switch and status banner: one look for both pages.
import '../popup/style.css';
import './style.css';

const app = document.getElementById('app');
if (app) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('optionsTitle');
  const client = connectToBackground(globalTimers, new AbortController().signal);
  render(<OptionsApp ports={browserOptionsPorts()} client={client} />, app);
}
