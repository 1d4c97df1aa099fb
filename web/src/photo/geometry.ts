/**
 * Pixel arithmetic of photo preparation: the size to scale a photo to, and the canvas transform that
 * turns a stored (sensor-oriented) image upright for an EXIF orientation. Pure functions (no DOM),
 * unit-tested in Node (test/unit/web-photo.test.ts). This module imports nothing, on purpose.
 */

/** A size in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Limits for a canvas: the long side, and the area phone browsers can allocate. */
export interface CanvasLimits {
  /** Longest side of the output, pixels. */
  readonly maxLongSide: number;
  /** Most pixels a canvas may have (iOS Safari refuses canvases above 16 777 216 = 4096²). */
  readonly maxArea: number;
}

/**
 * The size of `size` scaled down (never up) to fit `limits`, keeping the aspect ratio; sides are
 * rounded down so neither limit is exceeded, and are at least 1.
 */
export function fitWithin(size: Size, limits: CanvasLimits): Size {
  const { width, height } = size;
  const scale = Math.min(1, limits.maxLongSide / Math.max(width, height), Math.sqrt(limits.maxArea / (width * height)));
  if (scale >= 1) return { width, height };
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** True when an EXIF orientation turns the image by 90° or 270° (5–8): width and height swap. */
export function swapsSides(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/** The upright size of a stored image of `size` with EXIF `orientation`. */
export function uprightSize(size: Size, orientation: number): Size {
  return swapsSides(orientation) ? { width: size.height, height: size.width } : size;
}

/** A 2D affine transform `[a, b, c, d, e, f]` as `CanvasRenderingContext2D.setTransform` takes it. */
export type Matrix = readonly [number, number, number, number, number, number];

/**
 * The transform that draws a stored image upright on a canvas of the upright size `out`.
 * After `ctx.setTransform(...m)`, draw the stored image at (0, 0) with its own (scaled) sides — for
 * orientations 5–8 that is `out.height × out.width`. A stored point (x, y) lands at
 * (a·x + c·y + e, b·x + d·y + f). EXIF/TIFF 6.0 tag 0x0112: the stored row 0 / column 0 are shown at
 * 1 top/left, 2 top/right, 3 bottom/right, 4 bottom/left, 5 left/top, 6 right/top, 7 right/bottom,
 * 8 left/bottom.
 */
export function orientationMatrix(orientation: number, out: Size): Matrix {
  const { width: w, height: h } = out;
  switch (orientation) {
    case 2:
      return [-1, 0, 0, 1, w, 0];
    case 3:
      return [-1, 0, 0, -1, w, h];
    case 4:
      return [1, 0, 0, -1, 0, h];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, w, 0];
    case 7:
      return [0, -1, -1, 0, w, h];
    case 8:
      return [0, -1, 1, 0, 0, h];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}
