/**
 * The pure parts of the web app's photo preparation (web/src/photo): format detection by magic bytes,
 * EXIF orientation parsing, the orientation probe image, the scaling and orientation geometry, and
 * that the browser's limits are the server's. The canvas part runs in Chromium (test/e2e/identity.test.ts).
 */
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { IDENTITY_PHOTO_RULES } from '../../functions/domain/photos.js';
import { detectFormat, hasJpegMetadata, HEAD_BYTES, readJpegOrientation } from '../../web/src/photo/bytes.js';
import { fitWithin, orientationMatrix, uprightSize, type Matrix } from '../../web/src/photo/geometry.js';
import { ORIENTATION_PROBE_JPEG_BASE64 } from '../../web/src/photo/probe.js';
import { IDENTITY_PHOTO_LIMITS, MAX_CANVAS_AREA } from '../../web/src/photo/rules.js';
import { withOrientation } from '../e2e/fixtures/exif.js';
import {
  certificateJpeg,
  portraitPng,
  portraitProgressiveJpeg,
  withCameraMetadata,
} from '../fixtures/photos/photos.js';

const bytes = (...values: Array<number | string>): Uint8Array =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

/** The first bytes of an ISO BMFF file with the given major brand (HEIC, AVIF…). */
const ftyp = (brand: string) => bytes(0, 0, 0, 0x18, 'ftyp', brand, 0, 0, 0, 0, 'mif1', 'heic');

describe('detectFormat (magic bytes)', () => {
  it('recognises real JPEG and PNG files', () => {
    expect(detectFormat(certificateJpeg())).toBe('jpeg');
    expect(detectFormat(portraitProgressiveJpeg())).toBe('jpeg');
    expect(detectFormat(portraitPng())).toBe('png');
  });

  it('recognises HEIC/HEIF by the ftyp brand, whatever the file is called', () => {
    for (const brand of ['heic', 'heix', 'hevc', 'mif1', 'msf1']) expect(detectFormat(ftyp(brand))).toBe('heic');
    expect(detectFormat(ftyp('avif'))).toBe('avif');
    expect(detectFormat(ftyp('isom'))).toBeNull(); // an MP4 video
  });

  it('recognises GIF, WebP, BMP and TIFF, which may not be uploaded', () => {
    expect(detectFormat(bytes('GIF89a', 1, 0, 1, 0))).toBe('gif');
    expect(detectFormat(bytes('GIF87a', 1, 0, 1, 0))).toBe('gif');
    expect(detectFormat(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
    expect(detectFormat(bytes('BM', 0x36, 0, 0, 0))).toBe('bmp');
    expect(detectFormat(bytes('II*', 0, 8, 0, 0, 0))).toBe('tiff');
    expect(detectFormat(bytes('MM', 0, '*', 0, 0, 0, 8))).toBe('tiff');
  });

  it('gives null for text, empty and truncated files', () => {
    expect(detectFormat(bytes('%PDF-1.7'))).toBeNull();
    expect(detectFormat(new Uint8Array(0))).toBeNull();
    expect(detectFormat(bytes(0xff, 0xd8))).toBeNull();
    expect(detectFormat(bytes(0x89, 'PNG'))).toBeNull();
  });
});

describe('hasJpegMetadata (EXIF / XMP / IPTC segments that may hold a GPS position)', () => {
  it('is false for a stripped JPEG and for a PNG, true with camera metadata or an EXIF orientation', () => {
    expect(hasJpegMetadata(certificateJpeg())).toBe(false);
    expect(hasJpegMetadata(portraitPng())).toBe(false);
    expect(hasJpegMetadata(withCameraMetadata(certificateJpeg()))).toBe(true);
    expect(hasJpegMetadata(withOrientation(certificateJpeg(), 1))).toBe(true);
  });
});

describe('readJpegOrientation (EXIF APP1, IFD0 tag 0x0112)', () => {
  it('reads every orientation from a big-endian (iPhone) segment right after SOI', () => {
    for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(readJpegOrientation(withOrientation(certificateJpeg(), orientation))).toBe(orientation);
    }
  });

  it('reads a little-endian (Android) segment placed after the JFIF APP0 segment', () => {
    const jpeg = withOrientation(certificateJpeg(), 6, { littleEndian: true, afterFirstSegment: true });
    expect(jpeg.subarray(0, 4)).toEqual(bytes(0xff, 0xd8, 0xff, 0xe0));
    expect(readJpegOrientation(jpeg)).toBe(6);
  });

  it('finds the orientation behind a 64 KB XMP packet, within the bytes the browser reads', () => {
    // withCameraMetadata: SOI, APP1 Exif (no orientation, 64 KB), APP1 XMP (64 KB), then the image.
    const camera = withCameraMetadata(certificateJpeg());
    const exifEnd = 4 + ((camera[4]! << 8) | camera[5]!);
    const xmpEnd = exifEnd + 2 + ((camera[exifEnd + 2]! << 8) | camera[exifEnd + 3]!);
    const xmpFirst = new Uint8Array([
      ...camera.subarray(0, 2),
      ...camera.subarray(exifEnd, xmpEnd),
      ...withOrientation(bytes(0xff, 0xd8), 8).subarray(2),
      ...camera.subarray(xmpEnd),
    ]);
    expect(xmpEnd - exifEnd).toBeGreaterThan(65_000);
    expect(readJpegOrientation(xmpFirst.subarray(0, HEAD_BYTES))).toBe(8);
  });

  it('lets the first Exif segment decide (cameras write one)', () => {
    const camera = withCameraMetadata(certificateJpeg());
    expect(readJpegOrientation(withOrientation(camera, 8, { afterFirstSegment: true }))).toBeNull();
    expect(readJpegOrientation(withOrientation(camera, 8))).toBe(8);
  });

  it('gives null without EXIF, for PNG, and for values or types outside the standard', () => {
    expect(readJpegOrientation(certificateJpeg())).toBeNull();
    expect(readJpegOrientation(portraitPng())).toBeNull();
    expect(readJpegOrientation(withOrientation(certificateJpeg(), 9))).toBeNull();
    expect(readJpegOrientation(withOrientation(certificateJpeg(), 0))).toBeNull();
    expect(readJpegOrientation(withOrientation(certificateJpeg(), 6, { type: 4 }))).toBeNull();
  });

  it('gives null, without throwing, for truncated or damaged metadata', () => {
    const jpeg = withOrientation(certificateJpeg(), 6);
    // The segment ends at byte 38; the orientation entry at byte 34.
    for (const length of [2, 4, 6, 12, 20, 30, 33]) expect(readJpegOrientation(jpeg.subarray(0, length))).toBeNull();
    expect(readJpegOrientation(jpeg.subarray(0, 38))).toBe(6);
    const damaged = jpeg.slice();
    damaged[16] = 0xff; // IFD0 offset far outside the segment
    expect(readJpegOrientation(damaged)).toBeNull();
    const noMarker = jpeg.slice();
    noMarker[2] = 0x00;
    expect(readJpegOrientation(noMarker)).toBeNull();
  });

  it('ignores an Exif segment that comes after the start of scan', () => {
    const jpeg = certificateJpeg();
    const sos = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xda);
    const late = new Uint8Array([
      ...jpeg.subarray(0, sos),
      ...bytes(0xff, 0xda, 0, 2),
      ...withOrientation(bytes(0xff, 0xd8), 6).subarray(2),
    ]);
    expect(readJpegOrientation(late)).toBeNull();
  });
});

describe('the orientation probe image', () => {
  it('is a 2×1 JPEG whose EXIF says orientation 6, so a browser that honours it decodes 1×2', () => {
    const probe = new Uint8Array(Buffer.from(ORIENTATION_PROBE_JPEG_BASE64, 'base64'));
    expect(detectFormat(probe)).toBe('jpeg');
    expect(readJpegOrientation(probe)).toBe(6);
    expect(imageSize(probe)).toMatchObject({ width: 2, height: 1, orientation: 6 });
  });
});

describe('fitWithin', () => {
  it('scales a 4000×3000 camera photo to 1600×1200 and leaves small photos alone', () => {
    const limits = { maxLongSide: 1600, maxArea: MAX_CANVAS_AREA };
    expect(fitWithin({ width: 4000, height: 3000 }, limits)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin({ width: 3000, height: 4000 }, limits)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin({ width: 1024, height: 768 }, limits)).toEqual({ width: 1024, height: 768 });
  });

  it('keeps the area within the canvas limit when that is the tighter one', () => {
    const out = fitWithin({ width: 8000, height: 6000 }, { maxLongSide: 10_000, maxArea: MAX_CANVAS_AREA });
    expect(out).toEqual({ width: 4729, height: 3547 });
    expect(out.width * out.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
  });
});

/** Where a stored point lands after the transform. */
const apply = ([a, b, c, d, e, f]: Matrix, [x, y]: [number, number]): [number, number] => [
  a * x + c * y + e,
  b * x + d * y + f,
];

describe('orientationMatrix', () => {
  // A stored image 40 wide and 30 high. Upright it is 40×30 (1–4) or 30×40 (5–8).
  const stored = { width: 40, height: 30 };
  // EXIF/TIFF 6.0: where the stored top-left and top-right corners must be shown.
  const expected: Record<number, { topLeft: [number, number]; topRight: [number, number] }> = {
    1: { topLeft: [0, 0], topRight: [40, 0] },
    2: { topLeft: [40, 0], topRight: [0, 0] },
    3: { topLeft: [40, 30], topRight: [0, 30] },
    4: { topLeft: [0, 30], topRight: [40, 30] },
    5: { topLeft: [0, 0], topRight: [0, 40] },
    6: { topLeft: [30, 0], topRight: [30, 40] },
    7: { topLeft: [30, 40], topRight: [30, 0] },
    8: { topLeft: [0, 40], topRight: [0, 0] },
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('orientation %i shows the stored corners where EXIF says', (orientation) => {
    const out = uprightSize(stored, orientation);
    expect(out).toEqual(orientation >= 5 ? { width: 30, height: 40 } : { width: 40, height: 30 });
    const m = orientationMatrix(orientation, out);
    expect(apply(m, [0, 0])).toEqual(expected[orientation]!.topLeft);
    expect(apply(m, [stored.width, 0])).toEqual(expected[orientation]!.topRight);
    // The stored bottom-right corner stays inside the canvas too.
    const [x, y] = apply(m, [stored.width, stored.height]);
    expect(x >= 0 && x <= out.width && y >= 0 && y <= out.height).toBe(true);
  });
});

describe('the browser’s limits are the server’s', () => {
  it('identity photos: under 2 MB, at least 320×240', () => {
    expect(IDENTITY_PHOTO_LIMITS.maxBytesExclusive).toBe(IDENTITY_PHOTO_RULES.maxBytesExclusive);
    expect(IDENTITY_PHOTO_LIMITS.minLongSide).toBe(IDENTITY_PHOTO_RULES.minLongSideExclusive + 1);
    expect(IDENTITY_PHOTO_LIMITS.minShortSide).toBe(IDENTITY_PHOTO_RULES.minShortSideExclusive + 1);
    expect(IDENTITY_PHOTO_LIMITS.maxLongSide).toBeGreaterThanOrEqual(IDENTITY_PHOTO_LIMITS.minLongSide);
  });
});
