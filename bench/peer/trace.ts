/**
 * Main-thread time from a Chromium trace (CDP Tracing, the DevTools timeline categories), split the
 * way the Performance panel's summary splits it: each event's own time (its time less its
 * children's) goes to the kind of the innermost classified event around it. So a layout that
 * script forces counts as layout, and time in a task that is none of these kinds counts as other.
 * Thread time, not wall time: ten tabs on two cores spend most of their wall time waiting.
 */
import type { CDPSession } from 'playwright-core';

export type TimeKind = 'script' | 'style' | 'paint' | 'hitTest' | 'other';
export type KindTimes = Record<TimeKind, number>;

const KINDS = new Map<string, TimeKind>([
  ...[
    'EvaluateScript',
    'FunctionCall',
    'TimerFire',
    'EventDispatch',
    'FireAnimationFrame',
    'RunMicrotasks',
    'v8.run',
    'v8.callFunction',
    'v8.compile',
    'v8.compileModule',
    'V8.Execute',
    'MinorGC',
    'MajorGC',
    'BlinkGC.AtomicPhase',
    'ThreadState::performIdleLazySweep',
    'XHRReadyStateChange',
    'XHRLoad',
    'ParseHTML',
  ].map((name) => [name, 'script'] as const),
  ...['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'Layout', 'InvalidateLayout'].map(
    (name) => [name, 'style'] as const,
  ),
  ...[
    'Paint',
    'PaintImage',
    'PrePaint',
    'Layerize',
    'CompositeLayers',
    'UpdateLayer',
    'UpdateLayerTree',
    'Commit',
    'Decode Image',
    'ImageDecodeTask',
  ].map((name) => [name, 'paint'] as const),
  ['HitTest', 'hitTest'],
]);

export const zeroTimes = (): KindTimes => ({ script: 0, style: 0, paint: 0, hitTest: 0, other: 0 });

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, µs. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly message?: string } };
}

export interface Trace {
  /** Main-thread time (ms) per kind on the thread that logged `start`, between the two stamps. */
  between(start: string, end: string): KindTimes | undefined;
}

/** Renderer main threads only: where a page's script, style, layout and paint run. */
const MAIN_THREAD = 'CrRendererMain';

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
    },
  });
}

export async function stopTrace(cdp: CDPSession): Promise<Trace> {
  const complete = new Promise<string>((resolve, reject) => {
    cdp.once('Tracing.tracingComplete', (event) =>
      event.stream === undefined ? reject(new Error('trace: no stream')) : resolve(event.stream),
    );
  });
  await cdp.send('Tracing.end');
  const handle = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 4 << 20 });
    chunks.push(base64Encoded === true ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return analyse(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

interface Span {
  readonly kind: TimeKind | undefined;
  /** Wall-clock extent (µs), which gives the nesting. */
  readonly start: number;
  readonly end: number;
  /** Thread time (µs): with more busy threads than cores, wall time would count the waits for a core. */
  readonly cpu: number;
}

function analyse(events: readonly TraceEvent[]): Trace {
  const mainThreads = new Set<string>();
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === MAIN_THREAD)
      mainThreads.add(`${event.pid}:${event.tid}`);
  const stamps = new Map<string, { thread: string; ts: number }>();
  const spans = new Map<string, Span[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    if (event.name === 'TimeStamp' && event.args?.data?.message !== undefined)
      stamps.set(event.args.data.message, { thread, ts: event.ts });
    if (event.ph !== 'X' || event.dur === undefined) continue;
    let list = spans.get(thread);
    if (!list) spans.set(thread, (list = []));
    list.push({
      kind: KINDS.get(event.name),
      start: event.ts,
      end: event.ts + event.dur,
      cpu: event.tdur ?? event.dur,
    });
  }
  // Parents first: by start, and the longer of two that start together.
  for (const list of spans.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    between(start, end) {
      const from = stamps.get(start);
      const to = stamps.get(end);
      if (!from || !to || from.thread !== to.thread) return undefined;
      return ownTimes(spans.get(from.thread) ?? [], from.ts, to.ts);
    },
  };
}

/**
 * Each span's own thread time (its own less its children's), credited to the innermost classified
 * span around it; a span only partly inside [from, to] counts in proportion.
 */
function ownTimes(spans: readonly Span[], from: number, to: number): KindTimes {
  const times = zeroTimes();
  const stack: { span: Span; kind: TimeKind; children: number }[] = [];
  const finish = ({ span, kind, children }: (typeof stack)[number]) => {
    const wall = span.end - span.start;
    const inside = wall > 0 ? (Math.min(span.end, to) - Math.max(span.start, from)) / wall : 1;
    times[kind] += (Math.max(0, span.cpu - children) * Math.min(1, Math.max(0, inside))) / 1000;
  };
  for (const span of spans) {
    if (span.end <= from) continue;
    if (span.start >= to) break;
    for (let top = stack.at(-1); top && top.span.end <= span.start; top = stack.at(-1)) finish(stack.pop() ?? top);
    const parent = stack.at(-1);
    if (parent) parent.children += span.cpu;
    stack.push({ span, kind: span.kind ?? parent?.kind ?? 'other', children: 0 });
  }
  for (let top = stack.pop(); top; top = stack.pop()) finish(top);
  return times;
}
