/** Times as people read them, in the browser's UI language: "5 minutes ago" and "14:32". */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface TimeFormat {
  /** "now", "5 minutes ago", "yesterday", "3 weeks ago". */
  relative(at: number, now: number): string;
  /** The time of day for today, with the date otherwise: short enough for a list. */
  short(at: number, now: number): string;
  /** The time of day alone: for what happened minutes ago. */
  clock(at: number): string;
  /** Everything, for a tooltip. */
  full(at: number): string;
}

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Whole calendar days from `at` to `now`, in local time (daylight saving days are 23 or 25 h). */
function calendarDays(at: number, now: number): number {
  return Math.round((startOfDay(now) - startOfDay(at)) / DAY);
}

const cache = new Map<string, TimeFormat>();

/** One set of formatters per locale: building an Intl formatter costs more than using it. */
export function timeFormat(locale: string): TimeFormat {
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = createTimeFormat(locale)));
  return format;
}

/** A value made on first use: a page's first Intl formatters cost Chromium tens of milliseconds. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function createTimeFormat(locale: string): TimeFormat {
  const relativeFormat = lazy(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const clockFormat = lazy(() => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }));
  const dayAndClock = lazy(
    () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
  );
  const dateAndClock = lazy(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const everything = lazy(() => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }));
  return {
    relative(at, now) {
      // A sender's clock a little ahead of ours must not read "in 3 seconds".
      const ago = Math.max(0, now - at);
      if (ago < 45_000) return relativeFormat().format(0, 'second');
      if (ago < 45 * MINUTE) return relativeFormat().format(-Math.max(1, Math.round(ago / MINUTE)), 'minute');
      // Late last night reads better as "2 hours ago" than as "yesterday".
      if (ago < 6 * HOUR || (ago < DAY && calendarDays(at, now) === 0))
        return relativeFormat().format(-Math.max(1, Math.round(ago / HOUR)), 'hour');
      const days = Math.max(1, calendarDays(at, now));
      if (days < 7) return relativeFormat().format(-days, 'day');
      if (days < 30) return relativeFormat().format(-Math.floor(days / 7), 'week');
      if (days < 365) return relativeFormat().format(-Math.max(1, Math.floor(days / 30.4)), 'month');
      return relativeFormat().format(-Math.max(1, Math.floor(days / 365)), 'year');
    },
    short(at, now) {
      if (calendarDays(at, now) === 0) return clockFormat().format(at);
      return new Date(at).getFullYear() === new Date(now).getFullYear()
        ? dayAndClock().format(at)
        : dateAndClock().format(at);
    },
    clock(at) {
      return clockFormat().format(at);
    },
    full(at) {
      return everything().format(at);
    },
  };
}
