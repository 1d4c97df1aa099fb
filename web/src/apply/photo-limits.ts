/**
 * What the browser makes of a certificate photo before upload (SPEC §3; seed step 4: 照片分辨率大于
 * 800*600，照片文件小于 3M). The server re-checks every upload (functions/domain/photos.ts
 * CERTIFICATE_PHOTO_RULES: long side > 800, short side > 600, < 3 MB, either orientation);
 * test/e2e/application.test.ts fails when the two drift apart. Imports only a type, so Node can load it.
 */
// `.js`: Node's resolution (the e2e test imports this file) needs it; the web build resolves it too.
import type { PhotoLimits } from '../photo/rules.js';

/**
 * Certificate photos: < 3 MB and larger than 800×600. Preparation never scales a photo below
 * 801×601 (web/src/photo/prepare.ts stops and says so instead). 2400 px on the long side keeps the
 * small print of a certificate legible for staff and fits in 3 MB as JPEG.
 */
export const CERTIFICATE_PHOTO_LIMITS: PhotoLimits = {
  maxBytesExclusive: 3 * 1024 * 1024,
  minLongSide: 801,
  minShortSide: 601,
  maxLongSide: 2400,
  limitText: '3M',
  resolutionText: '大于800×600像素',
};

/** The seed's guidance under the photo field, word for word. */
export const CERTIFICATE_PHOTO_GUIDE = '照片分辨率大于 800*600，照片文件小于 3M，确保证书照片清晰，填选证书信息准确。';
