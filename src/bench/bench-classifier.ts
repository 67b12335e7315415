/**
 * `npm run bench`: how fast the detector classifies, on the dev set and on long messages.
 * Prints messages per second and p50 / p99 microseconds per message. Not a test: numbers depend on
 * the machine; the contract is ≥ 20,000 messages/s on one core for chat-sized messages, through the CLI too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyMessage, classifyMessages, type MessageInput } from '../core/classifier/classify-message.js';

interface Row { name: string; messages: number; perSecond: number; p50: number; p99: number }

/**
 * The `classify` command end to end (JSON lines in a pipe, JSON lines out), start-up excluded: the time
 * for a 5-line input (start-up, module loading, building the word gate, compiling the patterns) is
 * subtracted from the time for the dev set repeated `repeat` times. Median of 3 runs; p50/p99 do not
 * apply (NaN, printed as "-"). Short runs still include the JIT warming up on the first thousands of
 * lines; the long run shows the steady rate a big batch gets.
 */
function measureCli(devLines: string[], repeat: number, pinned = false): Row {
  const bin = fileURLToPath(new URL('../../bin/charte-bot.js', import.meta.url));
  const big = `${Array.from({ length: repeat }, () => devLines.join('\n')).join('\n')}\n`;
  const tiny = `${devLines.slice(0, 5).join('\n')}\n`;
  const lines = devLines.length * repeat - 5;
  const timeRun = (input: string): number => {
    const t0 = process.hrtime.bigint();
    // Pinned: the whole process (JIT and GC helper threads included) on one core, as the contract says.
    const [command, args] = pinned ? ['/usr/bin/taskset', ['-c', '0', process.execPath, bin, 'classify']] : [process.execPath, [bin, 'classify']];
    const r = spawnSync(command, args, { input, maxBuffer: 1 << 30, env: { ...process.env, LOCALE: 'fr' } });
    if (r.status !== 0) throw new Error(`classify exited with ${r.status}: ${r.stderr.toString().slice(0, 200)}`);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const small = timeRun(tiny);
    rates.push(lines / Math.max(1e-6, timeRun(big) - small));
  }
  rates.sort((a, b) => a - b);
  return { name: `classify CLI, ${Math.round(lines / 1000)}k lines${pinned ? ', 1 core' : ''}`, messages: lines, perSecond: rates[1]!, p50: NaN, p99: NaN };
}

function measure(name: string, inputs: { text: string; parent?: string }[], rounds: number): Row {
  const times: number[] = [];
  // Warm-up so the JIT has compiled the hot paths before we time them.
  for (const m of inputs.slice(0, 50)) classifyMessage(m.text, { parentText: m.parent });
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const m of inputs) {
      const t0 = process.hrtime.bigint();
      classifyMessage(m.text, { parentText: m.parent });
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { name, messages: times.length, perSecond: times.length / totalSeconds, p50: pct(0.5), p99: pct(0.99) };
}

/**
 * The batch path the `classify` command takes (`classifyMessages`, 400 messages at a time, each phrase list
 * run over the whole batch before the next). Throughput only: a message has no time of its own in a batch.
 */
function measureBatch(name: string, inputs: MessageInput[], rounds: number): Row {
  const all = Array.from({ length: rounds }, () => inputs).flat();
  classifyMessages(all.slice(0, 400));
  const start = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += 400) classifyMessages(all.slice(i, i + 400));
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { name, messages: all.length, perSecond: all.length / totalSeconds, p50: NaN, p99: NaN };
}

function main(): void {
  const file = fileURLToPath(new URL('../../data/eval/devset.jsonl', import.meta.url));
  const devLines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const dev = devLines.map((l) => {
    const o = JSON.parse(l) as { text: string; parent?: string | null };
    return { text: o.text, parent: o.parent ?? undefined };
  });
  const corpus = dev.map((d) => d.text).join('\n');
  const long = (size: number): { text: string }[] => {
    const out: { text: string }[] = [];
    for (let i = 0; i < 20; i++) {
      let s = corpus.slice((i * 997) % corpus.length);
      while (s.length < size) s += `\n${corpus}`;
      out.push({ text: s.slice(0, size) });
    }
    return out;
  };
  const rows = [
    measure('dev set (418 chat messages)', dev, 20),
    measureBatch('dev set, in batches of 400', dev.map((d) => ({ text: d.text, parentText: d.parent })), 50),
    measure('long messages, 10 KB', long(10 * 1024), 10),
    measure('long messages, 200 KB', long(200 * 1024), 3),
    measureCli(devLines, 50),
    measureCli(devLines, 250),
    ...(existsSync('/usr/bin/taskset') ? [measureCli(devLines, 50, true), measureCli(devLines, 250, true)] : []),
  ];
  const pad = (s: string, n: number): string => s.padEnd(n);
  const num = (x: number, n: number): string => x.toFixed(0).padStart(n);
  const dec = (x: number, n: number): string => (Number.isNaN(x) ? '-' : x.toFixed(1)).padStart(n);
  process.stdout.write(`${pad('input', 33)} ${'messages'.padStart(9)} ${'msgs/s'.padStart(9)} ${'p50 µs'.padStart(8)} ${'p99 µs'.padStart(8)}\n`);
  for (const r of rows) {
    process.stdout.write(`${pad(r.name, 33)} ${num(r.messages, 9)} ${num(r.perSecond, 9)} ${dec(r.p50, 8)} ${dec(r.p99, 8)}\n`);
  }
  process.stdout.write('classify CLI rows: start-up excluded (a 5-line run is subtracted), median of 3 runs. "-": no per-message time (batches).\n');
}

main();
