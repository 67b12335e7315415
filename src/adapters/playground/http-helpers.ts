import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest JSON body the API accepts; a chat message is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON object body: 415 when not JSON, 413 past the limit, 400 when malformed. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  // Requiring JSON also blocks cross-site form posts: a browser can't send it without a CORS preflight.
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'too_large', `Body larger than ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'too_large', `Body larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'The body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'bad_json', 'The body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, { error: err.code, message: err.message });
}

export function stringField(body: Record<string, unknown>, name: string, options: { required: true; max?: number }): string;
export function stringField(body: Record<string, unknown>, name: string, options?: { required?: false; max?: number }): string | undefined;
export function stringField(body: Record<string, unknown>, name: string, options: { required?: boolean; max?: number } = {}): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') {
    if (options.required) throw new HttpError(400, 'missing_field', `"${name}" is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw new HttpError(400, 'bad_field', `"${name}" must be a string.`);
  if (options.max !== undefined && value.length > options.max) throw new HttpError(400, 'too_long', `"${name}" is longer than ${options.max} characters.`);
  return value;
}
