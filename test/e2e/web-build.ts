/**
 * Facts about the built web app (web/dist), read from Vite's manifest: which hashed file holds which
 * source module. Used to check that a chunk (e.g. the staff pages) is or is not downloaded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The web build's output folder. */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

interface ManifestChunk {
  file: string;
  css?: string[];
}

/**
 * The URL paths (`/assets/…`) of the JS and CSS files Vite emitted for a source module.
 * @param src Module path relative to web/ (e.g. `src/staff/StaffApp.tsx`).
 * @throws Error when the manifest has no such module (the build is missing or the file moved).
 */
export async function chunkFiles(src: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const chunk = manifest[src];
  if (!chunk) throw new Error(`web/dist/.vite/manifest.json has no entry for ${src}`);
  return [chunk.file, ...(chunk.css ?? [])].map((file) => `/${file}`);
}

/** The staff pages' source module (one lazily loaded chunk). */
export const STAFF_CHUNK_SRC = 'src/staff/StaffApp.tsx';
