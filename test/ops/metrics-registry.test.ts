import { describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/ops/metrics-registry.js';

describe('BotMetrics', () => {
  it('renders Prometheus text with labelled counters and a cumulative latency histogram', () => {
    const m = new BotMetrics();
    m.events.inc({ kind: 'message', outcome: 'ok' });
    m.events.inc({ kind: 'message', outcome: 'ok' });
    m.reminders.inc();
    m.latency.observe(0.004);
    m.latency.observe(0.3);
    const text = m.render();
    expect(text).toContain('# TYPE chartebot_events_total counter');
    expect(text).toContain('chartebot_events_total{kind="message",outcome="ok"} 2');
    expect(text).toContain('chartebot_reminders_total 1');
    expect(text).toContain('chartebot_committee_lines_total 0');
    expect(text).toContain('chartebot_event_duration_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('chartebot_event_duration_seconds_bucket{le="0.5"} 2');
    expect(text).toContain('chartebot_event_duration_seconds_count 2');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('reports how long the event loop was blocked since the previous scrape', async () => {
    const m = new BotMetrics();
    m.render();
    // Block the loop for ~120 ms, as a long synchronous task would.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const until = Date.now() + 120;
    while (Date.now() < until) { /* busy */ }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const max = Number(/^nodejs_eventloop_delay_max_seconds (\S+)$/m.exec(m.render())?.[1]);
    expect(max).toBeGreaterThan(0.1);
    // The next scrape starts afresh.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const after = Number(/^nodejs_eventloop_delay_max_seconds (\S+)$/m.exec(m.render())?.[1]);
    expect(after).toBeLessThan(0.1);
  });
});
