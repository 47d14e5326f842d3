import { Component, type ComponentChildren } from 'preact';
import { t } from '../utils/extension/i18n';
import { createLogger } from '../utils/core/log';

const log = createLogger('view');

interface Props {
  readonly children: ComponentChildren;
  /** How the way out starts the page again: a reload, unless a test says otherwise. */
  readonly reload?: () => void;
}

interface State {
  readonly failed: boolean;
}

/**
 * The popup's and the options page's last line: a render that throws (state no one foresaw) shows
 * a message and a way out instead of a blank page. The error itself is logged, never shown: it may
 * hold data from the server.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static override getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    log.error('the page could not be drawn', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.reload ?? (() => location.reload());
    return (
      <section class="crashed" role="alert">
        <p>{t('pageCrashed')}</p>
        <button type="button" class="button" onClick={reload}>
          {t('pageReload')}
        </button>
      </section>
    );
  }
}
