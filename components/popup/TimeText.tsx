import { useLocale } from '../../utils/pages/popup/locale';
import { timeFormat } from '../../utils/pages/popup/time-format';

/** "5 minutes ago · 14:32", the whole date and time on hover, machine-readable in `datetime`. */
export function TimeText({ at, now }: { readonly at: number; readonly now: number }) {
  const format = timeFormat(useLocale());
  return (
    <time class="time" dateTime={new Date(at).toISOString()} title={format.full(at)}>
      {format.relative(at, now)} · {format.short(at, now)}
    </time>
  );
}
