/**
 * Photos side by side for checking (ID card against the handheld photo, a certificate against what
 * was typed): each card rotates in 90° steps (CSS transform) and opens an overlay that zooms and
 * rotates. Photo URLs are presigned and live 5 minutes: when one fails to load the page is told
 * (`onExpired`) so it can fetch fresh URLs; if the fresh one fails too, the card says so and offers
 * 重新加载.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/** One photo to show. */
export interface ViewerPhoto {
  /** Stable key (photo id or slot). */
  key: string;
  /** Caption, e.g. 身份证人像面. */
  label: string;
  /** Short-lived URL; null while it is being fetched. */
  url: string | null;
}

/**
 * A stable "fetch fresh photo URLs" callback for {@link PhotoGallery}: when every photo of a page fails
 * at once (their URLs expired together), `reload` runs once, not once per photo.
 * @param reload Loads the page's data again (fresh URLs).
 */
export function usePhotoRefresh(reload: () => void): () => void {
  const last = useRef(0);
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  }, [reload]);
  return useCallback(() => {
    const now = Date.now();
    if (now - last.current < 3000) return;
    last.current = now;
    latest.current();
  }, []);
}

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const;

const turn = (rotation: number, by: number) => (((rotation + by) % 360) + 360) % 360;

/**
 * A row of photo cards.
 * @param onExpired Called when a photo fails to load (its URL probably expired): fetch fresh URLs.
 */
export function PhotoGallery({
  photos,
  label,
  onExpired,
}: {
  photos: readonly ViewerPhoto[];
  label: string;
  onExpired: () => void;
}) {
  const [open, setOpen] = useState<{ photo: ViewerPhoto; rotation: number } | null>(null);
  if (!photos.length) return <p className="empty">无照片</p>;
  // The overlay follows the photo's current URL, which changes when the page fetches fresh ones.
  const current = open ? (photos.find((p) => p.key === open.photo.key) ?? open.photo) : null;
  return (
    <>
      <ul className="photo-grid" aria-label={label}>
        {photos.map((photo) => (
          <PhotoCard
            key={photo.key}
            photo={photo}
            onExpired={onExpired}
            onOpen={(rotation) => setOpen({ photo, rotation })}
          />
        ))}
      </ul>
      {open && current ? (
        <PhotoViewer
          photo={current}
          initialRotation={open.rotation}
          onClose={() => setOpen(null)}
          onExpired={onExpired}
        />
      ) : null}
    </>
  );
}

function PhotoCard({
  photo,
  onOpen,
  onExpired,
}: {
  photo: ViewerPhoto;
  onOpen: (rotation: number) => void;
  onExpired: () => void;
}) {
  const [rotation, setRotation] = useState(0);
  // The URL that failed (a fresh URL is tried again), and whether fresh URLs were already asked for
  // since the last successful load: a photo that fails again is shown as failed, not re-fetched forever.
  const [failed, setFailed] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  const broken = photo.url !== null && failed === photo.url;

  const onError = () => {
    if (!photo.url) return;
    setFailed(photo.url);
    if (!asked) {
      setAsked(true);
      onExpired();
    }
  };

  return (
    <li className="photo-card">
      <figure className="photo-figure">
        <button
          type="button"
          className="photo-frame"
          onClick={() => onOpen(rotation)}
          aria-label={`放大查看：${photo.label}`}
          disabled={!photo.url || broken}
        >
          {photo.url && !broken ? (
            <img
              className="photo-img"
              src={photo.url}
              alt={photo.label}
              style={{ transform: `rotate(${rotation}deg)` }}
              onError={onError}
              onLoad={() => setAsked(false)}
              data-rotation={rotation}
            />
          ) : (
            <span className="photo-missing">{broken ? '照片加载失败' : '正在加载照片…'}</span>
          )}
        </button>
        <figcaption className="photo-caption">{photo.label}</figcaption>
      </figure>
      <div className="photo-tools" role="group" aria-label={`${photo.label}：查看工具`}>
        <button type="button" className="button button-small" onClick={() => setRotation((r) => turn(r, -90))}>
          向左旋转
        </button>
        <button type="button" className="button button-small" onClick={() => setRotation((r) => turn(r, 90))}>
          向右旋转
        </button>
        {broken ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setAsked(true);
              onExpired();
            }}
          >
            重新加载
          </button>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The enlarged photo in a modal dialog (Esc closes; focus stays inside): 放大/缩小 in steps from 50 %
 * to 400 %, rotation in 90° steps, 还原. Keys: + / − zoom, R / L rotate, 0 resets.
 */
export function PhotoViewer({
  photo,
  initialRotation,
  onClose,
  onExpired,
}: {
  photo: ViewerPhoto;
  initialRotation: number;
  onClose: () => void;
  onExpired: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [zoomIndex, setZoomIndex] = useState(ZOOMS.indexOf(1));
  const [rotation, setRotation] = useState(initialRotation);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [stage, setStage] = useState<{ w: number; h: number }>({ w: 0, h: 0 });
  const [asked, setAsked] = useState(false);
  const zoom = ZOOMS[zoomIndex] ?? 1;

  useEffect(() => {
    const dialog = dialogRef.current;
    // Focus goes back where it was (the photo's 放大查看 button) when the overlay goes away.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus();
  }, []);

  // The stage's size decides the 100 % fit; it changes with the window (a tablet turned sideways).
  useLayoutEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    const measure = () => setStage({ w: element.clientWidth, h: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const zoomBy = useCallback((step: number) => {
    setZoomIndex((i) => Math.min(ZOOMS.length - 1, Math.max(0, i + step)));
  }, []);
  const reset = () => {
    setZoomIndex(ZOOMS.indexOf(1));
    setRotation(0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      r: () => setRotation((r) => turn(r, 90)),
      R: () => setRotation((r) => turn(r, 90)),
      l: () => setRotation((r) => turn(r, -90)),
      L: () => setRotation((r) => turn(r, -90)),
      '0': reset,
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  // Sizes: the rotated photo fits the stage at 100 %; the box that scrolls is the rotated photo's.
  const sideways = rotation % 180 !== 0;
  let box = { w: 0, h: 0 };
  let img = { w: 0, h: 0 };
  if (natural && stage.w > 0 && stage.h > 0) {
    const rw = sideways ? natural.h : natural.w;
    const rh = sideways ? natural.w : natural.h;
    const fit = Math.min(stage.w / rw, stage.h / rh);
    img = { w: natural.w * fit * zoom, h: natural.h * fit * zoom };
    box = sideways ? { w: img.h, h: img.w } : img;
  }

  return (
    <dialog
      ref={dialogRef}
      className="photo-dialog"
      aria-label={`查看照片：${photo.label}`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="photo-dialog-bar">
        <h2 className="photo-dialog-title">{photo.label}</h2>
        <div className="photo-dialog-tools">
          <button type="button" className="button button-small" onClick={() => zoomBy(-1)} disabled={zoomIndex === 0}>
            缩小
          </button>
          <span className="photo-zoom" aria-live="polite">
            {Math.round(zoom * 100)}%
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => zoomBy(1)}
            disabled={zoomIndex === ZOOMS.length - 1}
          >
            放大
          </button>
          <button type="button" className="button button-small" onClick={() => setRotation((r) => turn(r, -90))}>
            向左旋转
          </button>
          <button type="button" className="button button-small" onClick={() => setRotation((r) => turn(r, 90))}>
            向右旋转
          </button>
          <button type="button" className="button button-small" onClick={reset}>
            还原
          </button>
          <button type="button" className="button button-small button-primary" onClick={onClose} autoFocus>
            关闭
          </button>
        </div>
      </div>
      <div className="photo-stage" ref={stageRef}>
        <div className="photo-stage-box" style={{ width: box.w, height: box.h }}>
          {photo.url ? (
            <img
              className="photo-stage-img"
              src={photo.url}
              alt={photo.label}
              onLoad={(e) => {
                setAsked(false);
                setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight });
              }}
              onError={() => {
                if (asked) return;
                setAsked(true);
                onExpired();
              }}
              style={{
                width: img.w || undefined,
                height: img.h || undefined,
                transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
                visibility: natural ? 'visible' : 'hidden',
              }}
              data-rotation={rotation}
            />
          ) : null}
        </div>
      </div>
      <p className="photo-dialog-hint">快捷键：+ 放大，− 缩小，R 向右旋转，L 向左旋转，0 还原，Esc 关闭</p>
    </dialog>
  );
}
