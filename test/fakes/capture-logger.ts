import type { Logger } from '../../src/core/ports/logger.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg: string;
}

/** A Logger that records every line (child bindings merged in), so tests can assert what was, or wasn't, logged. */
export class CaptureLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  private push(level: LogLine['level'], fields: Record<string, unknown>, msg: string): void {
    this.lines.push({ level, fields: { ...this.bindings, ...fields }, msg });
  }

  debug(fields: Record<string, unknown>, msg: string): void {
    this.push('debug', fields, msg);
  }
  info(fields: Record<string, unknown>, msg: string): void {
    this.push('info', fields, msg);
  }
  warn(fields: Record<string, unknown>, msg: string): void {
    this.push('warn', fields, msg);
  }
  error(fields: Record<string, unknown>, msg: string): void {
    this.push('error', fields, msg);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new CaptureLogger(this.lines, { ...this.bindings, ...bindings });
  }

  /** Lines at `info` or above, serialised: what production would keep. */
  aboveDebug(): string {
    return this.lines
      .filter((l) => l.level !== 'debug')
      .map((l) => `${l.level} ${l.msg} ${JSON.stringify(l.fields)}`)
      .join('\n');
  }

  has(level: LogLine['level'], pattern: RegExp): boolean {
    return this.lines.some((l) => l.level === level && pattern.test(l.msg));
  }
}
