/**
 * Reading a photo's first bytes, before anything is decoded or uploaded: the real format from its
 * magic bytes (a file's name and the browser's `type` are not trusted — an iPhone's HEIC photo may be
 * called `IMG_0001.JPG`), and the EXIF orientation of a JPEG from its APP1 segment.
 *
 * Pure functions over bytes (no DOM): they run in the browser and in Node unit tests
 * (test/unit/web-photo.test.ts). This module imports nothing, on purpose.
 */

/** Formats recognised by their signature. Only `jpeg` and `png` may be uploaded (SPEC §3). */
export type DetectedFormat = 'jpeg' | 'png' | 'heic' | 'avif' | 'gif' | 'webp' | 'bmp' | 'tiff';

/** How many bytes of a file {@link detectFormat} and {@link readJpegOrientation} need at most. */
export const HEAD_BYTES = 128 * 1024;

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

// ISO BMFF major brands of HEIF images (HEIC from iPhones and many Android phones) and of AVIF.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * The format of an image from its signature.
 * JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; GIF `GIF87a`/`GIF89a`; WebP `RIFF....WEBP`;
 * BMP `BM`; TIFF `II*\0`/`MM\0*`; HEIF/AVIF `....ftyp<brand>` (ISO/IEC 14496-12 file type box).
 * @param head The file's first bytes (16 are enough).
 * @returns The format, or null when the signature is unknown (not an image, or truncated).
 */
export function detectFormat(head: Uint8Array): DetectedFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return 'png';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (HEIF_BRANDS.has(brand)) return 'heic';
    if (AVIF_BRANDS.has(brand)) return 'avif';
    return null;
  }
  if (head.length >= 4 && (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*')) return 'tiff';
  if (head.length >= 2 && head[0] === 0x42 && head[1] === 0x4d) return 'bmp';
  return null;
}

/** EXIF orientation, 1–8 (TIFF 6.0 tag 0x0112): 1 upright, 3 upside down, 6 turned 90° (phone held upright), 8 turned 270°; 2, 4, 5, 7 mirrored. */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;
const TYPE_SHORT = 3;

/**
 * The EXIF orientation of a JPEG, read from its first APP1 `Exif\0\0` segment (IFD0, tag 0x0112).
 * Walks the marker segments from SOI and stops at the first scan (SOS): EXIF always comes before the
 * image data. Every offset is bounds-checked, so damaged or hostile metadata gives null, never an
 * exception.
 * @param bytes The file's first bytes ({@link HEAD_BYTES} cover any EXIF segment, which is ≤ 64 KB).
 * @returns 1–8, or null when the file is not a JPEG or has no (valid) orientation.
 */
export function readJpegOrientation(bytes: Uint8Array): Orientation | null {
  if (detectFormat(bytes) !== 'jpeg') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    walkJpegSegments(bytes, (marker, start, end) =>
      marker === 0xe1 && end - start >= 6 && ascii(bytes, start, 6) === 'Exif\0\0'
        ? orientationInTiff(view, start + 6, end)
        : undefined,
    ) ?? null
  );
}

/**
 * True when a JPEG carries metadata segments that can hold personal data — APP1 (EXIF, with GPS
 * position and camera serial, or XMP) or APP13 (IPTC) — before its image data. Such a photo is
 * re-encoded before upload, which drops them.
 */
export function hasJpegMetadata(bytes: Uint8Array): boolean {
  if (detectFormat(bytes) !== 'jpeg') return false;
  return walkJpegSegments(bytes, (marker) => (marker === 0xe1 || marker === 0xed ? true : undefined)) ?? false;
}

/**
 * Walks the marker segments of a JPEG up to its image data, calling `visit(marker, start, end)` with
 * each segment's payload bounds until it returns a value. Bounds-checked: damaged data ends the walk.
 */
function walkJpegSegments<T>(
  bytes: Uint8Array,
  visit: (marker: number, start: number, end: number) => T | undefined,
): T | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // start of scan / end of image
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (length < 2) return undefined;
    const found = visit(marker, offset + 4, Math.min(offset + 2 + length, bytes.length));
    if (found !== undefined) return found;
    offset += 2 + length;
  }
  return undefined;
}

/** Reads tag 0x0112 from IFD0 of the TIFF structure at [tiff, end) of `view`. */
function orientationInTiff(view: DataView, tiff: number, end: number): Orientation | null {
  if (tiff + 8 > end) return null;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null; // "II" little endian, "MM" big endian
  const little = order === 0x4949;
  if (view.getUint16(tiff + 2, little) !== 42) return null;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return null;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    if (view.getUint16(entry + 2, little) !== TYPE_SHORT) return null;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? (value as Orientation) : null;
  }
  return null;
}
