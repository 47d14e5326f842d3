import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';

export type TabName = 'people' | 'calls';
const order: readonly TabName[] = ['people', 'calls'];

interface Props {
  readonly selected: TabName;
  readonly onSelect: (tab: TabName) => void;
  readonly onlineCount: number;
  /** Missed calls not returned yet. */
  readonly owed: number;
}

export const tabId = (tab: TabName) => `tab-${tab}`;
export const panelId = (tab: TabName) => `panel-${tab}`;

/** The two views, as an ARIA tab list: one tab stop, arrow keys switch. */
export function PopupTabs({ selected, onSelect, onlineCount, owed }: Props) {
  const buttons = useRef(new Map<TabName, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = order.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? order[(index + 1) % order.length]
        : event.key === 'ArrowLeft'
          ? order[(index + order.length - 1) % order.length]
          : event.key === 'Home'
            ? order[0]
            : event.key === 'End'
              ? order[order.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    buttons.current.get(next)?.focus();
  };
  const tab = (name: TabName, label: string, extra?: ComponentChildren) => (
    <button
      type="button"
      role="tab"
      id={tabId(name)}
      ref={(element) => {
        if (element) buttons.current.set(name, element);
        else buttons.current.delete(name);
      }}
      class="tab"
      aria-selected={selected === name}
      // Only the selected panel is in the page.
      aria-controls={selected === name ? panelId(name) : undefined}
      tabIndex={selected === name ? 0 : -1}
      onClick={() => onSelect(name)}
    >
      {label}
      {extra && ' '}
      {extra}
    </button>
  );
  return (
    <div class="tabs" role="tablist" aria-label={t('popupViews')} onKeyDown={onKeyDown}>
      {tab('people', t('onlineHeading', onlineCount))}
      {tab(
        'calls',
        t('popupTabCalls'),
        owed > 0 && <span class="pill pill--missed">{t('popupMissedCount', owed)}</span>,
      )}
    </div>
  );
}
