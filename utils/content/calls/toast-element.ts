import type { RingingCall } from '../../core/calls/records';
import type { Translate } from '../card/card-element';
import { MAX_TOASTS, toastStack } from './toast-stack';

export interface ToastActions {
  callBack(id: string): void;
  /** Opens the configured site's page the call is about (offered only when it has one). */
  open(id: string): void;
  dismiss(id: string): void;
  dismissAll(): void;
}

/** Incoming calls in the corner of a host page, like the original app's notice. */
export interface ToastStackElement {
  readonly root: HTMLElement;
  /**
   * Draws the stack for these calls. Toasts already shown are kept (a focused button stays focused);
   * `hidden` ring too but are only counted (a flood); `notes` explain a failed action.
   */
  render(ringing: readonly RingingCall[], hidden: number, notes: ReadonlyMap<string, string>): void;
}

interface Toast {
  readonly root: HTMLElement;
  readonly note: HTMLElement;
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * Built by hand, as the marks and the card are: this runs in every host page, where a view
 * framework would cost more than the three toasts it draws. Names and notes are always text.
 */
export function createToastStack(doc: Document, text: Translate, actions: ToastActions): ToastStackElement {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  };
  /** Only a person's own click counts: a host page's script may dispatch clicks too. */
  const button = (className: string, label: string, action: () => void) => {
    const node = element('button', className, label);
    node.type = 'button';
    node.addEventListener('click', (event) => event.isTrusted && action());
    return node;
  };

  const root = element('section', 'stack');
  root.setAttribute('aria-label', text('extName'));
  root.hidden = true;
  const more = element('div', 'more');
  more.setAttribute('role', 'status');
  const moreText = element('span', '');
  more.append(
    moreText,
    button('quiet', text('dismissAll'), () => actions.dismissAll()),
  );

  const toasts = new Map<string, Toast>();
  let labels = 0;
  const toastOf = (call: RingingCall): Toast => {
    const known = toasts.get(call.id);
    if (known) return known;
    const toast = element('div', 'toast');
    toast.setAttribute('role', 'alertdialog');
    const title = element('p', 'title', text('notificationTitle', call.callerName));
    title.id = `roster-toast-${++labels}`;
    toast.setAttribute('aria-labelledby', title.id);
    const note = element('p', 'note');
    note.hidden = true;
    const buttons = element('div', 'actions');
    buttons.append(button('primary', text('callBack'), () => actions.callBack(call.id)));
    const { context } = call;
    if (context?.url) {
      const open = button('quiet', text('openCallPage'), () => actions.open(call.id));
      open.setAttribute('aria-label', text('openCallPageLabel', context.title ?? context.url));
      buttons.append(open);
    }
    buttons.append(button('quiet', text('dismiss'), () => actions.dismiss(call.id)));
    toast.append(title, element('p', 'time', text('notificationMessage', time.format(call.at))));
    // What the call is about, as text: a title or note is another person's words, never markup.
    if (context?.title) toast.append(element('p', 'about', text('callAbout', context.title)));
    if (context?.note) toast.append(element('p', 'said', text('callNote', context.note)));
    toast.append(note, buttons);
    const made = { root: toast, note };
    toasts.set(call.id, made);
    return made;
  };

  return {
    root,
    render(ringing, hidden, notes) {
      const { shown, more: count } = toastStack(ringing, MAX_TOASTS, hidden);
      const wanted: HTMLElement[] = [];
      if (count > 0) {
        moreText.textContent = text('toastMore', String(count));
        wanted.push(more);
      }
      const kept = new Set<string>();
      for (const call of shown) {
        const toast = toastOf(call);
        const note = notes.get(call.id);
        toast.note.textContent = note ?? '';
        toast.note.hidden = note === undefined;
        wanted.push(toast.root);
        kept.add(call.id);
      }
      for (const id of toasts.keys()) if (!kept.has(id)) toasts.delete(id);
      // In place where already in order: moving a node would take the focus off its buttons.
      let next = root.firstChild;
      for (const node of wanted) {
        if (node === next) next = next.nextSibling;
        else root.insertBefore(node, next);
      }
      while (next) {
        const after = next.nextSibling;
        next.remove();
        next = after;
      }
      root.hidden = wanted.length === 0;
    },
  };
}
