/**
 * A 2×1 pixel grey JPEG (178 bytes) whose EXIF says Orientation = 6 (turn 90° clockwise). A browser
 * that applies EXIF orientation when decoding (Chrome/Edge 81+, Safari 13.1+/iOS 13.4+, Firefox 77+:
 * CSS `image-orientation: from-image` is the default there, and `createImageBitmap` follows it)
 * decodes it as 1×2; an older WebView decodes it as 2×1. Decoding it tells which of the two the
 * current browser is, so that orientation is applied exactly once. test/unit/web-photo.test.ts checks
 * the bytes (2×1 frame, orientation 6). Made with ImageMagick (`convert -size 2x1 xc:white`), APP0
 * removed, an APP1 Exif segment with one IFD0 entry (0x0112 = 6) inserted after SOI.
 */
export const ORIENTATION_PROBE_JPEG_BASE64 =
  '/9j/4QAiRXhpZgAATU0AKgAAAAgAAQESAAMAAAABAAYAAAAAAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAABAAIBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAB//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AQH//2Q==';
