/**
 * .NET "round-trip" timestamps (`DateTime.ToString("o")`), as the legacy server writes `SendTime`:
 * `2020-08-06T16:32:22.3224288+08:00`. A JS Date keeps milliseconds only, so the seven fractional
 * digits and the written offset are kept beside the instant; formatting a parsed value gives back
 * the very same string.
 */
export interface DotNetTime {
  /** Milliseconds since the Unix epoch, for arithmetic and display. */
  readonly epochMs: number;
  /** Sub-second part in 100 ns ticks (0 … 9 999 999): the seven digits .NET writes. */
  readonly ticks: number;
  /**
   * Offset from UTC in minutes as written, `'Z'` for UTC kind, or `null` when the string carried no
   * offset (.NET's Unspecified kind: read as the browser's local time, like `Date` does).
   */
  readonly offset: number | 'Z' | null;
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

const TICKS_PER_MS = 10_000;
const MS_PER_MINUTE = 60_000;

export function parseDotNetTime(text: string): DotNetTime | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone] = match as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const ticks = Number(fraction.padEnd(7, '0'));
  const wholeMs = Math.floor(ticks / TICKS_PER_MS);

  let offset: DotNetTime['offset'] = null;
  let epochMs: number;
  if (zone === undefined) {
    const local = new Date(2000, 0, 1, hour, minute, second, wholeMs);
    local.setFullYear(year, month - 1, day);
    epochMs = local.getTime();
  } else {
    offset = zone === 'Z' ? 'Z' : zoneToMinutes(zone);
    // Date.UTC reads years below 100 as 19xx: set the full year separately.
    const asUtc = new Date(Date.UTC(2000, 0, 1, hour, minute, second, wholeMs)).setUTCFullYear(year, month - 1, day);
    epochMs = asUtc - (offset === 'Z' ? 0 : offset) * MS_PER_MINUTE;
  }
  // Dates roll 31 February over into March: refuse days that do not exist.
  const check = new Date(epochMs + (typeof offset === 'number' ? offset * MS_PER_MINUTE : 0));
  const checkDay = offset === null ? check.getDate() : check.getUTCDate();
  if (Number.isNaN(epochMs) || checkDay !== day) return undefined;
  return { epochMs, ticks, offset };
}

export function formatDotNetTime(time: DotNetTime): string {
  const { offset } = time;
  const shift = typeof offset === 'number' ? offset * MS_PER_MINUTE : 0;
  const wall = new Date(time.epochMs + shift);
  const utc = offset !== null;
  const parts = utc
    ? [
        wall.getUTCFullYear(),
        wall.getUTCMonth() + 1,
        wall.getUTCDate(),
        wall.getUTCHours(),
        wall.getUTCMinutes(),
        wall.getUTCSeconds(),
      ]
    : [wall.getFullYear(), wall.getMonth() + 1, wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds()];
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const clock = `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(time.ticks, 7)}`;
  return `${date}T${clock}${offset === null ? '' : offset === 'Z' ? 'Z' : minutesToZone(offset)}`;
}

/** The instant `epochMs` as seen at `offsetMinutes` east of UTC (a browser passes `-getTimezoneOffset()`). */
export function dotNetTimeAt(epochMs: number, offsetMinutes: number): DotNetTime {
  const whole = Math.floor(epochMs);
  const msInSecond = ((whole % 1000) + 1000) % 1000;
  return { epochMs: whole, ticks: msInSecond * TICKS_PER_MS, offset: offsetMinutes };
}

function zoneToMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

function minutesToZone(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
