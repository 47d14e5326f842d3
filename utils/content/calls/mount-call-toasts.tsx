import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CallToasts } from '../../../components/toast/CallToasts';
import toastCss from '../../../components/toast/toasts.css?inline';
import type { RosterClient } from '../../core/roster-client';
import { refusalText } from '../../extension/refusal-text';
import { TabRinging } from './tab-ringing';

/**
 * The in-page toasts of this tab: the background sends a call here (`toast: true`) only when this
 * is the active host tab. They stay until answered or dismissed, here or anywhere else.
 */
export async function mountCallToasts(ctx: ContentScriptContext, client: RosterClient): Promise<void> {
  const ringing = new TabRinging();
  const notes = new Map<string, string>();
  const ui = await createShadowRootUi(ctx, {
    name: 'roster-call-toasts',
    // Closed: a host page's scripts cannot reach in and press Call back or Dismiss.
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: toastCss,
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });

  const remove = (id: string) => {
    ringing.remove(id);
    notes.delete(id);
  };
  const draw = () => {
    if (ringing.size > 0 && !ui.mounted) ui.mount();
    if (!ui.mounted) return;
    render(
      <CallToasts
        ringing={ringing.calls}
        hidden={ringing.hidden}
        notes={notes}
        onCallBack={(id) => {
          void client.request({ op: 'callBack', id }).then((result) => {
            if (result.ok) remove(id);
            else notes.set(id, refusalText(result.refusal, ringing.get(id)?.callerName ?? ''));
            draw();
          });
        }}
        onDismiss={(id) => {
          remove(id);
          draw();
          void client.request({ op: 'dismissCall', id });
        }}
        onDismissAll={() => {
          const ids = ringing.clear();
          notes.clear();
          draw();
          for (const id of ids) void client.request({ op: 'dismissCall', id });
        }}
      />,
      ui.uiContainer,
    );
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
}
