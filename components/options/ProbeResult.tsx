import { t } from '../../utils/extension/i18n';
import type { ProbeText } from '../../utils/pages/options/probe-text';

/** A test's outcome in words, announced politely when it arrives. */
export function ProbeResult({
  result,
  busy,
  busyText,
}: {
  readonly result: ProbeText | undefined;
  readonly busy: boolean;
  readonly busyText: string;
}) {
  return (
    <div class="probe" role="status" aria-live="polite">
      {busy ? (
        <p class="probe__line probe--busy">
          <span class="spinner" aria-hidden="true" />
          {busyText}
        </p>
      ) : (
        result && (
          <>
            <p class={`probe__line probe--${result.tone}`}>
              <span class="status__dot" aria-hidden="true" />
              {t(result.key, ...result.substitutions)}
            </p>
            {result.detail && <p class="probe__detail">{t('optionsProbeDetail', result.detail)}</p>}
          </>
        )
      )}
    </div>
  );
}
