import { readFileSync } from 'node:fs';
import { evaluateLines, type EvalReport, type LabelledLine } from '../core/classifier/evaluate-set.js';

/**
 * `charte-bot eval FILE.jsonl [--errors] [--threshold 0.5] [--json]`: precision, recall, F1 and the
 * confusion matrix for `action == "remind"` (channel rule applied) against `label == "promo"`, plus
 * conduct recall and false alarms. `--errors` lists every mistake with the signals behind it.
 */
export async function evalCommand(args: string[]): Promise<number> {
  let file: string | undefined;
  let showErrors = false;
  let json = false;
  let threshold: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--errors') showErrors = true;
    else if (a === '--json') json = true;
    else if (a === '--threshold') {
      threshold = Number(args[++i]);
      if (!Number.isFinite(threshold) || threshold <= 0 || threshold >= 1) {
        process.stderr.write('charte-bot eval: --threshold takes a number between 0 and 1, e.g. --threshold 0.6\n');
        return 2;
      }
    } else if (a.startsWith('--')) {
      process.stderr.write(`charte-bot eval: unknown option ${a}\n`);
      return 2;
    } else file = a;
  }
  if (!file) {
    process.stderr.write('charte-bot eval: which file? Usage: charte-bot eval FILE.jsonl [--errors] [--threshold 0.5]\n');
    return 2;
  }
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`charte-bot eval: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return 2;
  }
  const lines: LabelledLine[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const o = JSON.parse(line) as Partial<LabelledLine>;
      if (typeof o.text !== 'string' || typeof o.label !== 'string') throw new Error('needs "text" and "label"');
      lines.push({ ...o, id: String(o.id ?? `line${i + 1}`), text: o.text, label: o.label });
    } catch (err) {
      process.stderr.write(`charte-bot eval: ${file}:${i + 1} skipped (${err instanceof Error ? err.message : 'bad line'})\n`);
    }
  });
  const annonces = process.env.ANNONCES_CHANNEL?.trim() || 'annonces';
  const report = evaluateLines(lines, { annoncesChannel: annonces, threshold });
  if (json) {
    const { errors, ...rest } = report;
    process.stdout.write(`${JSON.stringify(showErrors ? report : rest)}\n`);
    return 0;
  }
  process.stdout.write(formatReport(file, report, showErrors));
  return 0;
}

const pct = (x: number): string => x.toFixed(3);

export function formatReport(file: string, r: EvalReport, showErrors: boolean): string {
  const out: string[] = [];
  out.push(`${file}: ${r.lines} lines — action "remind" vs label "promo" (channel rule applied)`);
  out.push(`  precision ${pct(r.precision)}   recall ${pct(r.recall)}   F1 ${pct(r.f1)}`);
  out.push('');
  out.push('                     label promo   label ok');
  out.push(`  action remind      ${String(r.tp).padStart(11)}   ${String(r.fp).padStart(8)}`);
  out.push(`  action none        ${String(r.fn).padStart(11)}   ${String(r.tn).padStart(8)}`);
  out.push('');
  const cats = Object.entries(r.conduct.byCategory);
  if (cats.length) {
    out.push(`  conduct recall ${pct(r.conduct.recall)} (${cats.map(([c, b]) => `${c} ${b.caught}/${b.total}`).join(', ')})`);
  }
  out.push(`  conduct false alarms ${r.conduct.falseAlarms}/${r.conduct.otherLines} (${(r.conduct.falseAlarmRate * 100).toFixed(1)} %)`);
  if (showErrors) {
    out.push('');
    out.push(r.errors.length ? `Mistakes (${r.errors.length}):` : 'No mistakes.');
    for (const e of r.errors) {
      const text = e.text.replace(/\s+/g, ' ');
      out.push(`- ${e.id} ${e.kind}${e.category ? ` [${e.category}]` : ''} score ${e.score.toFixed(2)}${e.conduct.length ? ` conduct ${e.conduct.join(',')}` : ''}`);
      out.push(`    ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`);
      const signals = e.contributions.map((c) => `${c.reason.en} ${c.weight > 0 ? '+' : ''}${c.weight.toFixed(2)}`);
      out.push(`    signals: ${signals.length ? signals.join('; ') : 'none'}`);
    }
  }
  return `${out.join('\n')}\n`;
}
