import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * A tiny Prometheus text-format registry: counters with labels and one latency histogram. Enough for
 * `GET /metrics` without pulling a client library; label values are our own enums, never user input.
 */
type Labels = Record<string, string>;

const labelKey = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]!.replace(/["\\\n]/g, '_')}"`)
    .join(',');

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const [key, v] of this.values) lines.push(key ? `${this.name}{${key}} ${v}` : `${this.name} ${v}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    /** Upper bounds in seconds, ascending. */
    readonly buckets: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(seconds: number): void {
    this.sum += seconds;
    this.count += 1;
    for (let i = 0; i < this.buckets.length; i++) if (seconds <= this.buckets[i]!) this.counts[i]! += 1;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{le="${b}"} ${this.counts[i]}`));
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines.join('\n');
  }
}

/** The bot's metrics, one instance per process. */
export class BotMetrics {
  readonly events = new Counter('chartebot_events_total', 'Inbound events handled, by kind and outcome.');
  readonly reminders = new Counter('chartebot_reminders_total', 'Reminder DMs sent to members.');
  readonly committeeLines = new Counter('chartebot_committee_lines_total', 'Messages posted in the committee channel.');
  readonly errors = new Counter('chartebot_errors_total', 'Failures, by where they happened.');
  readonly latency = new Histogram('chartebot_event_duration_seconds', 'Time from receiving a message event to having acted on it.');

  /**
   * How late the event loop ran, sampled every 10 ms: a stall here delays every event at once (a long
   * synchronous task, a GC pause), while slow replies from Slack or the store do not show up here.
   * Reported since the previous scrape, so each scrape tells about its own interval.
   */
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
  }

  render(): string {
    const mem = process.memoryUsage();
    const loop = this.loopDelay;
    const seconds = (ns: number): number => (Number.isFinite(ns) && loop.count > 0 ? ns / 1e9 : 0);
    const gauges = [
      ['process_resident_memory_bytes', 'Resident memory of the bot process.', mem.rss],
      ['nodejs_heap_used_bytes', 'V8 heap in use.', mem.heapUsed],
      ['nodejs_heap_total_bytes', 'V8 heap reserved.', mem.heapTotal],
      ['nodejs_eventloop_delay_p99_seconds', 'Event-loop delay, 99th percentile since the previous scrape.', seconds(loop.percentile(99))],
      ['nodejs_eventloop_delay_max_seconds', 'Event-loop delay, longest since the previous scrape.', seconds(loop.max)],
    ].map(([name, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`);
    loop.reset();
    return [this.events, this.reminders, this.committeeLines, this.errors, this.latency].map((m) => m.render()).concat(gauges).join('\n') + '\n';
  }
}
