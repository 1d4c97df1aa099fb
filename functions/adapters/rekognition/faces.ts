/**
 * Face comparison (port `FaceComparer`, SPEC §2.1 "Verification"): Amazon Rekognition `CompareFaces`
 * on the photos in the photo bucket, or a disabled comparer that hands every check to staff.
 *
 * The Rekognition SDK is loaded with a dynamic import on first comparison, so a function with the step
 * disabled (the default locally, and in regions without Rekognition) never loads or initialises it.
 * Service errors never escape: an unusable photo becomes `no-face` (the candidate uploads it again),
 * anything else becomes `unavailable` (staff decide) after the SDK's own retries.
 */
import type {
  BoundingBox,
  CompareFacesCommand,
  CompareFacesResponse,
  RekognitionClient,
} from '@aws-sdk/client-rekognition';
import type { FaceBox, FaceComparer, FaceComparison } from '../../app/ports.js';
import { logWarn } from '../../http/logger.js';
import { photoBucket } from '../s3/bucket.js';

/** Attempts per comparison, the first included (SDK standard retry mode: throttling and 5xx are retried with backoff). */
export const REKOGNITION_MAX_ATTEMPTS = 3;

/** Shown when the photo has no detectable face (or none good enough for QualityFilter AUTO). */
export const NO_FACE_REASON = '照片中未检测到人脸，请在光线充足处正对镜头重新拍摄并上传';
/** Shown when Rekognition cannot read the photo (too large or not a supported image). */
export const UNREADABLE_PHOTO_REASON = '照片无法识别，请重新拍摄清晰的照片后上传';
/** Given when the service is throttled or failing: the check goes to staff. */
export const UNAVAILABLE_REASON = '人脸比对服务暂时不可用，已转人工审核';
/** Given when automatic comparison is not enabled: the check goes to staff. */
export const DISABLED_REASON = '未启用自动人脸比对，已转人工审核';

let shared: Promise<{ client: RekognitionClient; CompareFacesCommand: typeof CompareFacesCommand }> | undefined;

/** The Rekognition client of this process and the command class, loaded and created on first use. */
function rekognition(): NonNullable<typeof shared> {
  shared ??= import('@aws-sdk/client-rekognition').then(({ RekognitionClient, CompareFacesCommand }) => ({
    client: new RekognitionClient({ maxAttempts: REKOGNITION_MAX_ATTEMPTS, retryMode: 'standard' }),
    CompareFacesCommand,
  }));
  return shared;
}

/** Converts Rekognition's bounding box (ratios of the image size) to a `FaceBox`; null when incomplete. */
function toFaceBox(box: BoundingBox | undefined): FaceBox | null {
  if (!box) return null;
  const { Left: left, Top: top, Width: width, Height: height } = box;
  if (left === undefined || top === undefined || width === undefined || height === undefined) return null;
  return { left, top, width, height };
}

/**
 * Maps a `CompareFaces` answer. Faces below the threshold come back in `UnmatchedFaces` without a
 * similarity: they are reported as compared with similarity 0 (the person is then checked by staff).
 */
export function mapCompareFacesResponse(response: CompareFacesResponse): FaceComparison {
  const sourceFace = toFaceBox(response.SourceImageFace?.BoundingBox);
  const matches = response.FaceMatches ?? [];
  if (matches.length > 0) {
    let best = matches[0]!;
    for (const match of matches) if ((match.Similarity ?? 0) > (best.Similarity ?? 0)) best = match;
    return {
      kind: 'compared',
      similarity: best.Similarity ?? 0,
      sourceFace,
      targetFace: toFaceBox(best.Face?.BoundingBox),
    };
  }
  const unmatched = response.UnmatchedFaces ?? [];
  if (unmatched.length > 0) {
    return { kind: 'compared', similarity: 0, sourceFace, targetFace: toFaceBox(unmatched[0]!.BoundingBox) };
  }
  return { kind: 'no-face', photo: 'target', reason: NO_FACE_REASON };
}

/**
 * Maps an error of `CompareFaces` (after the SDK's retries) to a comparison outcome; never throws.
 * `InvalidParameterException` is what Rekognition answers when the source image has no face.
 * Image errors do not say which image; the source is assumed.
 */
export function mapCompareFacesError(error: unknown): FaceComparison {
  const name = error instanceof Error ? error.name : 'UnknownError';
  switch (name) {
    case 'InvalidParameterException':
      return { kind: 'no-face', photo: 'source', reason: NO_FACE_REASON };
    case 'ImageTooLargeException':
    case 'InvalidImageFormatException':
      return { kind: 'no-face', photo: 'source', reason: UNREADABLE_PHOTO_REASON };
    default: {
      // Throttling, 5xx, access or object errors, network: the check is handed to staff. The error's
      // name and status only: its message may quote request details.
      const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
      logWarn('face comparison unavailable', { errorName: name, httpStatusCode: status });
      return { kind: 'unavailable', reason: UNAVAILABLE_REASON };
    }
  }
}

/**
 * Face comparison with Amazon Rekognition `CompareFaces` on S3 objects of the photo bucket
 * (`PHOTO_BUCKET`), QualityFilter AUTO and the given explicit SimilarityThreshold.
 * The function's role needs rekognition:CompareFaces and s3:GetObject on the photos.
 * @throws RangeError when the threshold is not within 0–100 (a programming error); never for service errors
 */
export function rekognitionFaceComparer(): FaceComparer {
  return {
    enabled: true,
    async compare(sourceKey: string, targetKey: string, threshold: number): Promise<FaceComparison> {
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100)
        throw new RangeError(`Similarity threshold must be 0–100, got ${threshold}`);
      const Bucket = photoBucket();
      try {
        const { client, CompareFacesCommand } = await rekognition();
        const response = await client.send(
          new CompareFacesCommand({
            SourceImage: { S3Object: { Bucket, Name: sourceKey } },
            TargetImage: { S3Object: { Bucket, Name: targetKey } },
            SimilarityThreshold: threshold,
            QualityFilter: 'AUTO',
          }),
        );
        return mapCompareFacesResponse(response);
      } catch (error) {
        return mapCompareFacesError(error);
      }
    },
  };
}

/** The comparer used when automatic comparison is off: every check goes to staff. */
export function disabledFaceComparer(): FaceComparer {
  return {
    enabled: false,
    compare: async () => ({ kind: 'unavailable', reason: DISABLED_REASON }),
  };
}

/**
 * The comparer chosen by `FACE_COMPARE`: `enabled` → Rekognition, `disabled` or unset → disabled.
 * @throws Error for any other value (a deployment mistake, caught at cold start)
 */
export function faceComparerFromEnv(env: NodeJS.ProcessEnv = process.env): FaceComparer {
  const setting = env.FACE_COMPARE ?? 'disabled';
  if (setting === 'enabled') return rekognitionFaceComparer();
  if (setting === 'disabled') return disabledFaceComparer();
  throw new Error(`Invalid configuration: FACE_COMPARE must be 'enabled' or 'disabled'`);
}
