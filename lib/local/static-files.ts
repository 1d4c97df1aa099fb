/**
 * Serving the built web app (`web/dist`) from the local HTTP server, the way CloudFront serves it
 * from its bucket in the cloud: files by path, `index.html` for client-side routes (paths without an
 * extension), never anything outside the folder.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Content types by file extension (lower case, with the dot). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** What a URL path resolves to inside the web root. */
export type StaticTarget =
  /** A file to send; `spa` is true when it is `index.html` standing in for a client-side route. */
  | { readonly kind: 'file'; readonly file: string; readonly spa: boolean }
  | { readonly kind: 'not-found' }
  /** The path tries to leave the web root, or is not a valid path. */
  | { readonly kind: 'forbidden' };

/** Content type for a file name; `application/octet-stream` when the extension is unknown. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a raw URL path (percent-encoded, no query) to a file under `root`, without touching the disk.
 * `/` and paths ending in `/` map to `index.html` of that folder. Encoded or literal `..` segments,
 * backslashes and NUL bytes are refused, and the resolved path must stay inside `root`.
 */
export function resolveStaticPath(
  root: string,
  rawPath: string,
): { kind: 'path'; file: string; hasExtension: boolean } | { kind: 'forbidden' } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'forbidden' };
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, `.${relative}`);
  if (file !== absoluteRoot && !file.startsWith(absoluteRoot + path.sep)) return { kind: 'forbidden' };
  const last = segments[segments.length - 1] ?? '';
  return { kind: 'path', file, hasExtension: path.extname(last) !== '' };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds what to send for `rawPath`: the file if it exists; otherwise, for a path without an
 * extension (a client-side route such as `/staff/applications`), the root `index.html`.
 */
export async function findStaticTarget(root: string, rawPath: string): Promise<StaticTarget> {
  const resolved = resolveStaticPath(root, rawPath);
  if (resolved.kind === 'forbidden') return resolved;
  if (await isFile(resolved.file)) return { kind: 'file', file: resolved.file, spa: false };
  if (!resolved.hasExtension) {
    const index = path.join(path.resolve(root), 'index.html');
    if (await isFile(index)) return { kind: 'file', file: index, spa: true };
  }
  return { kind: 'not-found' };
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(text);
}

/**
 * Answers a GET or HEAD for a static file under `root` (404 / 403 / 405 as plain text otherwise).
 * Hashed build assets (`/assets/…`) may be cached for a year; HTML is always revalidated so a new
 * build is picked up at once.
 */
export async function serveStatic(
  root: string,
  rawPath: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    return;
  }
  const target = await findStaticTarget(root, rawPath);
  if (target.kind === 'forbidden') return sendText(res, 403, 'Forbidden');
  if (target.kind === 'not-found') return sendText(res, 404, 'Not Found');
  const info = await stat(target.file);
  const type = contentTypeFor(target.file);
  const immutable = !target.spa && rawPath.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(info.size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(target.file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

/** The page served when there is no built web app, saying why and what to do. */
export function notBuiltPage(reason: string): string {
  const escaped = reason.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>前端尚未构建</title></head>
<body>
<h1>前端尚未构建（the web app is not built）</h1>
<p>${escaped}</p>
<p>接口可用：<a href="/api/health">/api/health</a>、<a href="/api/catalog">/api/catalog</a>、<a href="/api/openapi.json">/api/openapi.json</a></p>
</body>
</html>
`;
}
