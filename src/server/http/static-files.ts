import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotli, chooseEncoding, gzip, isCompressible } from './compression';
import { SECURITY_HEADERS } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Astro puts content-hashed assets under /_astro/: their bytes never change under a name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

export interface StaticFile {
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  headers: Record<string, string>;
  etag: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function variant(path: string, suffix: string, make: () => Buffer): Buffer {
  return existsSync(path + suffix) ? readFileSync(path + suffix) : make();
}

/**
 * Reads the build's client files once, at start: the request path never touches the disk.
 * Compressible files use the `.br` and `.gz` siblings written at build time (precompress.ts),
 * or are compressed here when those are missing. Prerendered pages answer at `/a/b`, `/a/b/`
 * and `/a/b/index.html`.
 */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(root)) return files;
  for (const path of walk(root)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const urlPath = '/' + relative(root, path).split(sep).join('/');
    const identity = readFileSync(path);
    const compressible = isCompressible(path) && identity.length > 256;
    const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 20)}"`;
    const file: StaticFile = {
      identity,
      br: compressible ? variant(path, '.br', () => brotli(identity)) : null,
      gzip: compressible ? variant(path, '.gz', () => gzip(identity)) : null,
      etag,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': urlPath.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE,
        etag,
        // A signed-in visitor gets another page at the same URL (server.ts): caches must
        // not hand the anonymous HTML to them.
        ...(compressible
          ? { vary: path.endsWith('.html') ? 'Accept-Encoding, Cookie' : 'Accept-Encoding' }
          : {}),
      },
    };
    files.set(urlPath, file);
    if (urlPath.endsWith('/index.html')) {
      const dir = urlPath.slice(0, -'index.html'.length);
      files.set(dir, file);
      if (dir !== '/') files.set(dir.slice(0, -1), file);
    }
  }
  return files;
}

/** The bytes and headers to send for a GET or HEAD of a static file. */
export function staticResponse(
  file: StaticFile,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
): { status: 200 | 304; headers: Record<string, string>; body: Buffer | null } {
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag)) {
    return { status: 304, headers: file.headers, body: null };
  }
  const encoding = file.br ? chooseEncoding(acceptEncoding) : null;
  const body =
    encoding === 'br'
      ? file.br!
      : encoding === 'gzip'
        ? (file.gzip ?? file.identity)
        : file.identity;
  const headers: Record<string, string> = {
    ...file.headers,
    'content-length': String(body.length),
  };
  if (encoding && body !== file.identity) headers['content-encoding'] = encoding;
  return { status: 200, headers, body };
}
