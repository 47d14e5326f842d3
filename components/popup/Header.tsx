import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import type { Person } from '../../utils/pages/popup/people';

interface Props {
  readonly me: Person | null;
  readonly connected: boolean;
  /** Idle past the "away" time. */
  readonly away: boolean;
  readonly doNotDisturb: boolean;
  readonly onDoNotDisturb: (on: boolean) => Promise<unknown>;
}

/** The title, who I am (apart from the list of others), and the do-not-disturb switch. */
export function Header({ me, connected, away, doNotDisturb, onDoNotDisturb }: Props) {
  const dot = !connected ? 'dot--offline' : away ? 'dot--away' : 'dot--online';
  const toggle = useRef<HTMLInputElement>(null);
  // The box flips at once under the click; the background's saved value has the last word.
  const settle = () => {
    if (toggle.current) toggle.current.checked = doNotDisturb;
  };
  useEffect(settle, [doNotDisturb]);
  return (
    <header class="header">
      <div class="header__who">
        <h1>{t('extName')}</h1>
        {me && (
          <p class="me">
            <span class={`dot ${dot}`} aria-hidden="true" />
            <span class="me__name" title={me.name}>
              {t('popupYou', me.name)}
            </span>
            {me.named && <span class="me__id">{t('popupId', me.id)}</span>}
            {away && <span class="tag">{t('popupAway')}</span>}
          </p>
        )}
      </div>
      <label class="switch" title={t('popupDndHint')}>
        <input
          ref={toggle}
          type="checkbox"
          class="switch__input"
          checked={doNotDisturb}
          onChange={(event) => void onDoNotDisturb(event.currentTarget.checked).catch(settle)}
        />
        <span class="switch__label">{t('popupDnd')}</span>
      </label>
    </header>
  );
}
