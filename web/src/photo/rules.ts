/**
 * What the browser makes of a photo before upload, per kind of photo. The byte and pixel limits are
 * the server's (functions/domain/photos.ts, which re-checks every upload); test/unit/web-photo.test.ts
 * fails when the two drift apart. This module imports nothing, on purpose (Node runs its tests).
 */

/** Limits of one kind of photo. Bytes and pixels. */
export interface PhotoLimits {
  /** The file must be smaller than this, bytes. */
  readonly maxBytesExclusive: number;
  /** The long side must be at least this, pixels. */
  readonly minLongSide: number;
  /** The short side must be at least this, pixels. */
  readonly minShortSide: number;
  /** Photos that must be re-encoded are scaled so their long side is at most this, pixels. */
  readonly maxLongSide: number;
  /** The size limit as people read it (seed: “照片文件小于2M”). */
  readonly limitText: string;
  /** The resolution requirement as people read it. */
  readonly resolutionText: string;
}

/**
 * The largest canvas phone browsers allocate: iOS Safari refuses canvases above 16 777 216 pixels
 * (4096 × 4096), and a refused canvas draws nothing and exports an empty image.
 */
export const MAX_CANVAS_AREA = 16_777_216;

/**
 * Identity photos (三照/两照): < 2 MB, at least 320×240 (functions/domain/photos.ts
 * IDENTITY_PHOTO_RULES). 1600 px on the long side keeps a face and an ID card legible for staff and
 * for face comparison, and fits comfortably in 2 MB as JPEG.
 */
export const IDENTITY_PHOTO_LIMITS: PhotoLimits = {
  maxBytesExclusive: 2 * 1024 * 1024,
  minLongSide: 320,
  minShortSide: 240,
  maxLongSide: 1600,
  limitText: '2M',
  resolutionText: '不低于320×240像素',
};

/** JPEG qualities tried in turn until the file is under the limit. */
export const JPEG_QUALITIES: readonly number[] = [0.9, 0.8, 0.7, 0.6];
