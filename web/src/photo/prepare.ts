/**
 * Client-side photo preparation (SPEC §3: "the web front end downsizes and re-encodes large camera
 * photos and applies EXIF orientation before upload, so a normal phone photo just works").
 *
 * Steps of {@link preparePhoto}:
 * 1. Read the first bytes; refuse anything that is not JPEG or PNG by content (HEIC from an iPhone set
 *    to 高效, GIF, WebP, BMP…) with a message that says what to do — before anything is uploaded.
 * 2. Read the EXIF orientation of a JPEG.
 * 3. Decode the image (`createImageBitmap(file, { imageOrientation: 'from-image' })`, or an `<img>`
 *    where that is missing) and find out ONCE per decoder whether the browser already turned it
 *    upright ({@link ORIENTATION_PROBE_JPEG_BASE64}). Current browsers do; then the canvas must not
 *    rotate again, or a portrait photo comes out upside down or sideways.
 * 4. Check the upright size against the minimum resolution.
 * 5. A JPEG or PNG already under the size limit and needing no rotation is uploaded as it is.
 * 6. Otherwise draw it upright on a white canvas (transparent PNG areas become white, not black),
 *    long side ≤ the limit and area ≤ {@link MAX_CANVAS_AREA}, and encode JPEG at falling quality
 *    (0.9 → 0.6), then at a smaller size, until the file is under the limit.
 */
import { detectFormat, hasJpegMetadata, HEAD_BYTES, readJpegOrientation, type DetectedFormat } from './bytes';
import { fitWithin, orientationMatrix, swapsSides, uprightSize, type Size } from './geometry';
import { ORIENTATION_PROBE_JPEG_BASE64 } from './probe';
import { JPEG_QUALITIES, MAX_CANVAS_AREA, type PhotoLimits } from './rules';

/** A photo ready to upload. */
export interface PreparedPhoto {
  readonly blob: Blob;
  readonly contentType: 'image/jpeg' | 'image/png';
  /** Upright pixel size of `blob`. */
  readonly width: number;
  readonly height: number;
  /** True when the photo was re-encoded (scaled, turned upright or compressed); false when uploaded as chosen. */
  readonly reencoded: boolean;
}

/** A photo that cannot be used, with a Chinese message saying what to do. */
export class PhotoPrepError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PhotoPrepError';
  }
}

/** Shown for HEIC/HEIF photos (iPhones set to 高效 and some Android phones save them). */
export const HEIC_MESSAGE = '不支持该照片格式（如HEIC），请在相机设置中选择“兼容性最佳”或截图后上传';

const FORMAT_NAMES: Partial<Record<DetectedFormat, string>> = {
  avif: 'AVIF',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  tiff: 'TIFF',
};

/**
 * The message for a file whose format may not be uploaded, or null for JPEG and PNG.
 * @param format What {@link detectFormat} found (null: unknown or not an image).
 */
export function formatProblem(format: DetectedFormat | null): string | null {
  if (format === 'jpeg' || format === 'png') return null;
  if (format === 'heic') return HEIC_MESSAGE;
  if (format === null) return '该文件不是 JPG 或 PNG 格式的照片，请重新拍摄或选择照片';
  return `不支持${FORMAT_NAMES[format] ?? ''}格式的图片，请选择 JPG 或 PNG 格式的照片，或截图后上传`;
}

/**
 * Turns a chosen file into an upload-ready JPEG or PNG under `limits` (see the module comment).
 * @param file The file from `<input type=file>`.
 * @throws PhotoPrepError with a Chinese message (wrong format, unreadable, resolution too low,
 *   cannot be compressed under the limit).
 */
export async function preparePhoto(file: Blob, limits: PhotoLimits): Promise<PreparedPhoto> {
  if (file.size === 0) throw new PhotoPrepError('照片文件为空，请重新拍摄或选择照片');
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const format = detectFormat(head);
  const problem = formatProblem(format);
  if (problem) throw new PhotoPrepError(problem);
  const orientation = format === 'jpeg' ? (readJpegOrientation(head) ?? 1) : 1;

  const image = await decode(file).catch((cause: unknown) => {
    throw new PhotoPrepError('无法读取该照片，文件可能已损坏，请重新拍摄或选择照片', { cause });
  });
  try {
    // Rotate by hand only when the decoder left the stored orientation alone.
    const rotateByHand = orientation !== 1 && !(await decoderAppliesOrientation(image.decoder));
    const upright = rotateByHand ? uprightSize(image, orientation) : { width: image.width, height: image.height };
    const long = Math.max(upright.width, upright.height);
    const short = Math.min(upright.width, upright.height);
    if (long < limits.minLongSide || short < limits.minShortSide) {
      throw new PhotoPrepError(
        `照片分辨率过低（${upright.width}×${upright.height}），应${limits.resolutionText}，请重新拍摄`,
      );
    }
    // A photo that needs nothing goes up byte for byte — unless it carries metadata (GPS position,
    // camera serial): re-encoding drops it, so no location reaches the authority's bucket.
    if (orientation === 1 && file.size < limits.maxBytesExclusive && !hasJpegMetadata(head)) {
      return {
        blob: file,
        contentType: format === 'png' ? 'image/png' : 'image/jpeg',
        width: upright.width,
        height: upright.height,
        reencoded: false,
      };
    }
    return await encodeUnderLimit(image, upright, rotateByHand ? orientation : 1, limits);
  } finally {
    image.close();
  }
}

/** Scales and encodes until the JPEG is under the limit; each round is 3/4 the size of the last. */
async function encodeUnderLimit(
  image: DecodedImage,
  upright: Size,
  orientation: number,
  limits: PhotoLimits,
): Promise<PreparedPhoto> {
  let size = fitWithin(upright, { maxLongSide: limits.maxLongSide, maxArea: MAX_CANVAS_AREA });
  for (;;) {
    const canvas = drawUpright(image.source, size, orientation);
    try {
      for (const quality of JPEG_QUALITIES) {
        const blob = await toJpeg(canvas, quality);
        if (blob.size < limits.maxBytesExclusive) {
          return { blob, contentType: 'image/jpeg', width: size.width, height: size.height, reencoded: true };
        }
      }
    } finally {
      // iOS keeps canvas memory until the canvas shrinks; a few large canvases can crash the tab.
      canvas.width = 0;
      canvas.height = 0;
    }
    const next = { width: Math.floor((size.width * 3) / 4), height: Math.floor((size.height * 3) / 4) };
    if (
      Math.max(next.width, next.height) < limits.minLongSide ||
      Math.min(next.width, next.height) < limits.minShortSide
    ) {
      throw new PhotoPrepError(`照片压缩后仍大于${limits.limitText}，请换一张照片或截图后上传`);
    }
    size = next;
  }
}

/**
 * Draws an image upright at `size` on a new canvas with a white background.
 * @param source A decoded image as stored (sensor orientation) when `orientation` is 2–8, or already
 *   upright with `orientation` 1.
 * @param size The upright output size, pixels.
 * @param orientation The EXIF orientation still to apply (1 when the decoder applied it).
 */
export function drawUpright(source: CanvasImageSource, size: Size, orientation: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new PhotoPrepError('浏览器无法处理该照片，请换用其他浏览器或截图后上传');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.setTransform(...orientationMatrix(orientation, size));
  // The stored image is drawn with its own sides, which are the upright ones swapped for 5–8.
  const stored = swapsSides(orientation) ? { width: size.height, height: size.width } : size;
  ctx.drawImage(source, 0, 0, stored.width, stored.height);
  return canvas;
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob && blob.size > 0
          ? resolve(blob)
          : reject(new PhotoPrepError('照片处理失败（手机内存不足），请关闭其他应用后重试，或截图后上传')),
      'image/jpeg',
      quality,
    );
  });
}

// ── Decoding ─────────────────────────────────────────────────────────────────────────────────────

type Decoder = 'bitmap' | 'img';

interface DecodedImage extends Size {
  readonly source: CanvasImageSource;
  readonly decoder: Decoder;
  close(): void;
}

/** Decodes with `createImageBitmap` where it works, else with an `<img>`. */
async function decode(blob: Blob): Promise<DecodedImage> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await decodeWith('bitmap', blob);
    } catch {
      // Older Safari lacks the options argument or Blob sources; an <img> decodes everything it shows.
    }
  }
  return decodeWith('img', blob);
}

async function decodeWith(decoder: Decoder, blob: Blob): Promise<DecodedImage> {
  if (decoder === 'bitmap') {
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, decoder, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(blob);
  const img = new Image();
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('image decode failed'));
      img.src = url;
    });
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return {
    source: img,
    width: img.naturalWidth,
    height: img.naturalHeight,
    decoder,
    close: () => URL.revokeObjectURL(url),
  };
}

const probes = new Map<Decoder, Promise<boolean>>();

/**
 * Whether `decoder` turns images upright by their EXIF orientation, found by decoding
 * {@link ORIENTATION_PROBE_JPEG_BASE64} (once per page load and decoder).
 */
export function decoderAppliesOrientation(decoder: Decoder): Promise<boolean> {
  let probe = probes.get(decoder);
  if (!probe) {
    const bytes = Uint8Array.from(atob(ORIENTATION_PROBE_JPEG_BASE64), (c) => c.charCodeAt(0));
    probe = decodeWith(decoder, new Blob([bytes], { type: 'image/jpeg' })).then(
      (image) => {
        image.close();
        return image.width === 1 && image.height === 2;
      },
      // A decoder that cannot read the probe is not trusted to turn images: rotate by hand.
      () => false,
    );
    probes.set(decoder, probe);
  }
  return probe;
}
