import { describe, expect, it } from 'vitest';
import { CERTIFICATE_PHOTO_RULES, checkStoredImage, IDENTITY_PHOTO_RULES } from '../../functions/domain/photos.js';

const declared = { contentType: 'image/jpeg', contentLength: 200_000 };
const stored = (width: number, height: number, over: Record<string, unknown> = {}) => ({
  bytes: 200_000,
  contentType: 'image/jpeg',
  format: 'jpeg' as const,
  width,
  height,
  ...over,
});

describe('stored photo checks', () => {
  it.each([
    [IDENTITY_PHOTO_RULES, 480, 640, null],
    [IDENTITY_PHOTO_RULES, 239, 400, '照片分辨率过低（239×400），应不低于320×240像素'],
    [CERTIFICATE_PHOTO_RULES, 801, 601, null],
    [CERTIFICATE_PHOTO_RULES, 800, 600, '照片分辨率过低（800×600），应大于800×600像素'],
    [CERTIFICATE_PHOTO_RULES, 600, 1024, '照片分辨率过低（600×1024），应大于800×600像素'],
    [
      IDENTITY_PHOTO_RULES,
      60000,
      60000,
      '照片尺寸过大（60000×60000），请使用手机正常拍摄的照片（长边不超过10000像素）',
    ],
    [CERTIFICATE_PHOTO_RULES, 9000, 8000, '照片尺寸过大（9000×8000），请使用手机正常拍摄的照片（长边不超过10000像素）'],
  ])('%#: %i×%i → %j', (rules, width, height, expected) => {
    expect(checkStoredImage(stored(width, height), declared, rules)).toBe(expected);
  });

  it('refuses a size different from the declared one, a non-image and a format that contradicts the type', () => {
    expect(checkStoredImage(stored(480, 640, { bytes: 199_999 }), declared, IDENTITY_PHOTO_RULES)).toBe(
      '上传的文件与申请上传时的大小不一致，请重新上传',
    );
    expect(checkStoredImage(stored(480, 640, { format: null }), declared, IDENTITY_PHOTO_RULES)).toBe(
      '文件不是有效的 JPG 或 PNG 图片，请重新选择照片',
    );
    expect(checkStoredImage(stored(480, 640, { format: 'png' }), declared, IDENTITY_PHOTO_RULES)).toBe(
      '文件内容与声明的图片格式不一致，请重新上传',
    );
  });
});
