import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { t } from '../../utils/i18n';
import { connectRoster } from '../../utils/messaging/client';
import { PORT_NAME } from '../../utils/messaging/port';
import './style.css';

const app = document.getElementById('app');
if (app) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('extName');
  const client = connectRoster(
    {
      connect: () => browser.runtime.connect({ name: PORT_NAME }),
      timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
    },
    new AbortController().signal,
  );
  render(<Popup client={client} />, app);
}
