/**
 * Photo rules (SPEC §3, seed): JPEG or PNG checked by content; identity photos under 2 MB
 * (三照/两照: "照片文件小于2M"); certificate photos under 3 MB and above 800×600 pixels
 * ("照片分辨率大于 800*600，照片文件小于 3M").
 */
import { z } from 'zod';
import type { ImageFormat, StoredImage } from '../app/ports.js';

/** Limits of one kind of photo. Sizes in bytes, dimensions in pixels. */
export interface PhotoRules {
  /** Exclusive upper bound on the file size, bytes. */
  readonly maxBytesExclusive: number;
  /** The image's long side must be greater than this, pixels. */
  readonly minLongSideExclusive: number;
  /** The image's short side must be greater than this, pixels. */
  readonly minShortSideExclusive: number;
  /** Human description of the size limit, for messages. */
  readonly limitText: string;
  /** Human description of the resolution requirement, for messages. */
  readonly resolutionText: string;
}

const MB = 1024 * 1024;

/** Identity photos: < 2 MB; big enough for a face to be checked (short side > 239 px). */
export const IDENTITY_PHOTO_RULES: PhotoRules = {
  maxBytesExclusive: 2 * MB,
  minLongSideExclusive: 319,
  minShortSideExclusive: 239,
  limitText: '2MB',
  resolutionText: '不低于320×240像素',
};

/** Certificate photos: < 3 MB, resolution above 800×600 (either orientation). */
export const CERTIFICATE_PHOTO_RULES: PhotoRules = {
  maxBytesExclusive: 3 * MB,
  minLongSideExclusive: 800,
  minShortSideExclusive: 600,
  limitText: '3MB',
  resolutionText: '大于800×600像素',
};

/** Largest accepted side, pixels (a 50-megapixel camera takes 8688 px). */
export const MAX_SIDE_PIXELS = 10_000;
/** Largest accepted area, pixels (50 megapixels). */
export const MAX_PIXELS = 50_000_000;

/** MIME types accepted for uploads, with the format each must contain. */
export const ACCEPTED_TYPES: Record<string, ImageFormat> = { 'image/jpeg': 'jpeg', 'image/png': 'png' };

/** Identifies JPEG (FF D8 FF) and PNG (89 50 4E 47 0D 0A 1A 0A) by their magic bytes. */
export function detectImageFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'png';
  return null;
}

/**
 * Checks a declared upload before a URL is presigned.
 * @returns a Chinese message the person can act on, or null when acceptable
 */
export function checkDeclaredUpload(contentType: string, contentLength: number, rules: PhotoRules): string | null {
  if (!(contentType in ACCEPTED_TYPES)) return '仅支持 JPG 或 PNG 格式的照片';
  if (!Number.isInteger(contentLength) || contentLength <= 0) return '照片文件为空';
  if (contentLength >= rules.maxBytesExclusive) return `照片文件应小于${rules.limitText}，请压缩后重新上传`;
  return null;
}

/**
 * Checks a stored upload against what was declared and against the rules.
 * @returns a Chinese message the person can act on, or null when the photo is acceptable
 */
export function checkStoredImage(
  stored: StoredImage,
  declared: { contentType: string; contentLength: number },
  rules: PhotoRules,
): string | null {
  if (stored.bytes !== declared.contentLength) return '上传的文件与申请上传时的大小不一致，请重新上传';
  if (stored.bytes >= rules.maxBytesExclusive) return `照片文件应小于${rules.limitText}，请压缩后重新上传`;
  if (stored.format === null) return '文件不是有效的 JPG 或 PNG 图片，请重新选择照片';
  if (ACCEPTED_TYPES[declared.contentType] !== stored.format) return '文件内容与声明的图片格式不一致，请重新上传';
  if (stored.width === null || stored.height === null) return '无法读取图片尺寸，请重新拍摄或选择照片';
  const long = Math.max(stored.width, stored.height);
  const short = Math.min(stored.width, stored.height);
  if (long <= rules.minLongSideExclusive || short <= rules.minShortSideExclusive) {
    return `照片分辨率过低（${stored.width}×${stored.height}），应${rules.resolutionText}`;
  }
  // A header can claim any size: a small file that says 60000×60000 is broken or a decompression bomb
  // aimed at staff browsers and the face service.
  if (long > MAX_SIDE_PIXELS || stored.width * stored.height > MAX_PIXELS) {
    return `照片尺寸过大（${stored.width}×${stored.height}），请使用手机正常拍摄的照片（长边不超过${MAX_SIDE_PIXELS}像素）`;
  }
  return null;
}

/**
 * What a browser declares before uploading a photo: its MIME type and exact size in bytes (both are
 * signed into the presigned URL). Checked against the rules by the use case.
 */
export const PhotoDeclaration = z.object({
  contentType: z.string().max(100),
  contentLength: z
    .number()
    .int('文件大小应为整数字节')
    .positive('照片文件为空')
    .max(100 * 1024 * 1024, '照片文件过大'),
});
