/**
 * One certificate photo of the 新增免考课程 form: take or choose a photo, prepare it in the browser
 * (web/src/photo: JPEG/PNG by content, EXIF orientation, downscale/re-encode under 3 MB but never below
 * 801×601 — {@link CERTIFICATE_PHOTO_LIMITS}), upload it through a presigned PUT with a progress bar,
 * and let the server check it (`completeCertificatePhotoUpload`: > 800×600, < 3 MB). The photo's id
 * goes to the form, which attaches it with `addCertificate`.
 */
import { api } from '../api';
import type { CertificatePhotoView } from '../api-types';
import { PhotoPicker, type PhotoDestination } from '../photo/PhotoPicker';
import { CERTIFICATE_PHOTO_LIMITS } from './photo-limits';

/** A photo the server has kept, with a local preview. */
export interface UploadedPhoto {
  readonly photoId: string;
  readonly width: number;
  readonly height: number;
  /** An object URL of the uploaded bytes (revoked by the form when it is replaced or left). */
  readonly previewUrl: string;
}

const CERTIFICATE_PHOTOS: PhotoDestination<CertificatePhotoView> = {
  limits: CERTIFICATE_PHOTO_LIMITS,
  createUpload: (prepared, signal) =>
    api.createCertificatePhotoUpload({ contentType: prepared.contentType, contentLength: prepared.blob.size }, signal),
  complete: (uploadId, signal) => api.completeCertificatePhotoUpload(uploadId, signal),
  finalCodes: new Set(['PHOTO_REJECTED', 'VALIDATION_FAILED', 'UNAUTHENTICATED', 'NOT_ELIGIBLE', 'WINDOW_CLOSED']),
};

/**
 * A photo slot.
 * @param label E.g. `证书照片` or `证书照片（第1张，共2张）`.
 * @param blocked True while another slot is uploading (one upload at a time on a weak phone link).
 * @param onBusy Told when this slot starts and stops working.
 */
export function CertificatePhotoSlot({
  id,
  label,
  value,
  onChange,
  blocked,
  onBusy,
}: {
  id: string;
  label: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto) => void;
  blocked: boolean;
  onBusy: (busy: boolean) => void;
}) {
  return (
    <div className="cert-photo" role="group" aria-labelledby={`${id}-label`}>
      <p className="cert-photo-label" id={`${id}-label`}>
        {label}{' '}
        {value ? <span className="badge badge-open">已上传</span> : <span className="badge badge-muted">未上传</span>}
      </p>
      {value ? (
        <p className="cert-photo-preview">
          <img src={value.previewUrl} alt={`已上传的${label}`} width={value.width} height={value.height} />
          <span className="apply-muted">
            {value.width}×{value.height}像素
          </span>
        </p>
      ) : null}
      <PhotoPicker
        id={id}
        name={label}
        uploaded={value !== null}
        destination={CERTIFICATE_PHOTOS}
        // Always in the page; apply.css hides it on a PC, where it would open the same file chooser.
        camera
        compact
        blocked={blocked}
        onBusy={onBusy}
        onUploaded={(kept, photo) =>
          onChange({
            photoId: kept.photoId,
            width: kept.width,
            height: kept.height,
            previewUrl: URL.createObjectURL(photo),
          })
        }
      />
    </div>
  );
}
