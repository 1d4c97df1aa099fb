/**
 * A tiny API client for integration tests: one cookie jar per simulated person, JSON helpers, and the
 * presigned-upload dance (create → PUT to the S3 emulator → complete).
 */
import type { LocalSystemFixture } from './harness.js';

/** An answer with its parsed JSON body. */
export interface JsonAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A person using the API through a browser-like cookie jar. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly local: LocalSystemFixture) {}

  /** Sends a request with the jar's cookies; stores the cookies the answer sets. */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.local.fetch(path, {
      method,
      headers: h,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('application/json');
    return { status: res.status, body: (json && text ? JSON.parse(text) : text || null) as T, headers: res.headers };
  }

  get = <T = Record<string, unknown>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, unknown>>(path: string, body: unknown = {}) => this.request<T>('POST', path, body);
  put = <T = Record<string, unknown>>(path: string, body: unknown = {}) => this.request<T>('PUT', path, body);
  delete = <T = Record<string, unknown>>(path: string) => this.request<T>('DELETE', path);

  /** Sends a request with the jar's cookies and returns the raw response (e.g. for CSV). */
  raw(method: string, path: string): Promise<Response> {
    return this.local.fetch(path, { method, headers: { cookie: this.cookieHeader() } });
  }

  /** The raw cookie jar (e.g. to copy a session into another client). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** What `create*Upload` routes answer. */
export interface UploadTicket {
  uploadId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

/** PUTs bytes to a presigned URL as a browser would (exactly the signed headers). */
export async function putToPresignedUrl(
  ticket: Pick<UploadTicket, 'url' | 'headers'>,
  bytes: Uint8Array,
  override: Record<string, string> = {},
): Promise<number> {
  const res = await fetch(ticket.url, { method: 'PUT', headers: { ...ticket.headers, ...override }, body: bytes });
  await res.arrayBuffer();
  return res.status;
}
