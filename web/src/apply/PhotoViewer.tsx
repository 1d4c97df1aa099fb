/**
 * 查看照片: a button that loads a certificate's photos through their short-lived URLs
 * (`getCertificatePhoto`, a few minutes each) and shows them in a dialog over the page. The URLs are
 * asked for when the button is pressed, so they are fresh however long the page has been open.
 */
import { useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../api';
import type { ApplicationPhoto } from '../api-types';

/**
 * 查看照片 for one certificate.
 * @param title What the photos show (the certificate's name), for the dialog heading and alt text.
 */
export function PhotoButton({ photos, title }: { photos: readonly ApplicationPhoto[]; title: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (photos.length === 0) return <span className="apply-muted">无照片</span>;
  return (
    <>
      <button ref={button} type="button" className="button button-small" onClick={() => setOpen(true)}>
        查看照片
      </button>
      {open ? (
        <PhotoDialog
          photos={photos}
          title={title}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; urls: string[] };

function PhotoDialog({
  photos,
  title,
  onClose,
}: {
  photos: readonly ApplicationPhoto[];
  title: string;
  onClose: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all(photos.map((p) => api.getCertificatePhoto(p.photoId, controller.signal))).then(
      (answers) => setLoaded({ status: 'ok', urls: answers.map((a) => a.url) }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded({ status: 'error', message: isApiError(error) ? error.message : '照片加载失败，请稍后再试。' });
        }
      },
    );
    return () => controller.abort();
  }, [photos]);

  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    // The page behind must not scroll under the dialog on a phone.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
    };
  }, [onClose]);

  return (
    <div className="photo-dialog-backdrop" onClick={onClose}>
      <div
        className="photo-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="photo-dialog-title"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="photo-dialog-head">
          <h2 id="photo-dialog-title" className="photo-dialog-title">
            证书照片
          </h2>
          <button ref={close} type="button" className="button button-small" onClick={onClose}>
            关闭
          </button>
        </div>
        <p className="photo-dialog-sub">{title}</p>
        {loaded.status === 'loading' ? (
          <p className="loading" role="status">
            正在加载照片…
          </p>
        ) : null}
        {loaded.status === 'error' ? (
          <p className="field-error" role="alert">
            {loaded.message}
          </p>
        ) : null}
        {loaded.status === 'ok'
          ? loaded.urls.map((url, index) => (
              <figure key={url} className="photo-dialog-figure">
                <img
                  className="photo-dialog-image"
                  src={url}
                  alt={`证书照片${photos.length > 1 ? ` ${index + 1}` : ''}：${title}`}
                  width={photos[index]?.width}
                  height={photos[index]?.height}
                />
                {photos.length > 1 ? (
                  <figcaption>
                    第{index + 1}张，共{photos.length}张
                  </figcaption>
                ) : null}
              </figure>
            ))
          : null}
      </div>
    </div>
  );
}
