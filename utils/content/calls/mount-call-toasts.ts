import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RosterClient } from '../../core/roster-client';
import { t } from '../../extension/i18n';
import { refusalText } from '../../extension/refusal-text';
import { adoptSheet } from '../shadow-sheet';
import { createToastStack } from './toast-element';
import { TabRinging } from './tab-ringing';
import toastCss from './toasts.css?inline';

const TOASTS_TAG = 'roster-call-toasts';

/**
 * The in-page toasts of this tab: the background sends a call here (`toast: true`) only when this
 * is the active host tab. They stay until answered or dismissed, here or anywhere else.
 */
export function mountCallToasts(ctx: ContentScriptContext, client: RosterClient): void {
  const ringing = new TabRinging();
  const notes = new Map<string, string>();

  const remove = (id: string) => {
    ringing.remove(id);
    notes.delete(id);
  };
  const stack = createToastStack(document, t, {
    callBack(id) {
      void client.request({ op: 'callBack', id }).then((result) => {
        if (result.ok) remove(id);
        else notes.set(id, refusalText(result.refusal, ringing.get(id)?.callerName ?? ''));
        draw();
      });
    },
    open(id) {
      void client.request({ op: 'openCallPage', id }).then(
        (result) => {
          if (result.opened) notes.delete(id);
          else notes.set(id, t('openCallPageFailed'));
          draw();
        },
        () => {
          notes.set(id, t('openCallPageFailed'));
          draw();
        },
      );
    },
    dismiss(id) {
      remove(id);
      draw();
      void client.request({ op: 'dismissCall', id });
    },
    dismissAll() {
      const ids = ringing.clear();
      notes.clear();
      draw();
      for (const id of ids) void client.request({ op: 'dismissCall', id });
    },
  });

  // Made on the first call, not on every page load; closed, so a host page's scripts cannot reach
  // in and press Call back or Dismiss.
  let host: HTMLElement | undefined;
  const place = () => {
    if (!host) {
      host = document.createElement(TOASTS_TAG);
      const shadow = host.attachShadow({ mode: 'closed' });
      adoptSheet(shadow, toastCss, 'toasts');
      shadow.append(stack.root);
    }
    // Back again if the host app re-rendered its body without us; a frameset page has no body.
    if (!host.isConnected) ((document.body as HTMLElement | null) ?? document.documentElement).append(host);
  };
  const draw = () => {
    if (ringing.size > 0) place();
    stack.render(ringing.calls, ringing.hidden, notes);
  };

  client.subscribe((_, event) => {
    if (event.type === 'ring' && event.toast) {
      ringing.add(event.call);
      draw();
    } else if (event.type === 'callClosed' && ringing.remove(event.id)) {
      notes.delete(event.id);
      draw();
    }
  }, ctx.signal);
  ctx.signal.addEventListener('abort', () => host?.remove(), { once: true });
}
