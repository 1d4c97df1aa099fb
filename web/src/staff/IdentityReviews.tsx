/**
 * 人工身份核验 (/staff/identity): a confirmation point's candidates whose identity waits for staff
 * (face comparison off, below the threshold or unavailable), oldest first. Each shows its photos side
 * by side (zoom and rotation) and 通过 / 不通过 (a reason, and optionally which photo is wrong, so the
 * candidate knows what to upload again).
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../api';
import { Page } from '../components/Page';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { pointName, pointsOf, useCatalog } from './catalog';
import { KIND_LABELS, manualReasonLabel, SLOT_LABELS, slotsOf } from './labels';
import { Pager, PointFilter, usePageCursors, type PagedListState } from './ListControls';
import { PhotoGallery, usePhotoRefresh, type ViewerPhoto } from './Photos';
import { staffApi, type IdentityReviewItem, type IdentitySlot } from './staff-api';
import { useStaff } from './staff-context';
import { useQuery } from './query';
import { useResource } from './use-resource';

/** The manual identity review page. */
export function IdentityReviews() {
  const { staff } = useStaff();
  const catalog = useCatalog();
  const [params, setParams] = useQuery();
  const { cursors, cursor, goTo } = usePageCursors();
  const points = catalog.data ? pointsOf(staff, catalog.data) : [];
  const pointId = params.get('point') || points[0]?.id || '';
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const list = useResource(
    useCallback(
      (signal: AbortSignal) =>
        pointId
          ? staffApi.listIdentityReviews({ pointId, cursor }, signal)
          : Promise.resolve({ items: [], cursor: null }),
      [pointId, cursor],
    ),
  );

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const choosePoint = (event: ChangeEvent<HTMLSelectElement>) => {
    setDone(null);
    setParams(new URLSearchParams({ point: event.target.value }), { state: { cursors: [] } satisfies PagedListState });
  };

  if (catalog.error && !catalog.data) return <ErrorNotice error={catalog.error} onRetry={catalog.reload} />;
  if (!catalog.data) return <Loading />;

  return (
    <Page
      title="人工身份核验"
      lead="核对考生上传的身份照片：证件照、身份证人像面与手持身份证照应为同一人，信息清晰可辨。"
    >
      <div className="toolbar" role="search" aria-label="选择确认点">
        <PointFilter
          id="identity-point"
          catalog={catalog.data}
          points={points}
          value={pointId}
          onChange={choosePoint}
        />
      </div>

      {done ? (
        <div className="notice notice-success" role="status" ref={doneRef} tabIndex={-1}>
          <p className="notice-title">{done}</p>
        </div>
      ) : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.error.retryable ? list.reload : undefined} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.error ? (
        list.data.items.length === 0 ? (
          <p className="empty">{pointName(catalog.data, pointId)}暂无待人工核验的考生。</p>
        ) : (
          <ol className="review-list" aria-label="待核验考生">
            {list.data.items.map((item) => (
              <ReviewCard
                key={`${item.candidateId}-${item.version}`}
                item={item}
                onDecided={(text) => {
                  setDone(text);
                  list.reload();
                }}
              />
            ))}
          </ol>
        )
      ) : null}

      {list.data && !list.error ? (
        <Pager cursors={cursors} next={list.data.cursor} loading={list.loading} onGo={goTo} />
      ) : null}
    </Page>
  );
}

/** One candidate: facts, photos, and the decision. */
function ReviewCard({ item, onDecided }: { item: IdentityReviewItem; onDecided: (text: string) => void }) {
  const slots = slotsOf(item.kind);
  const photos = useResource(
    useCallback(
      async (signal: AbortSignal) => {
        const wanted = slotsOf(item.kind);
        const urls = await Promise.all(wanted.map((s) => staffApi.identityPhoto(item.candidateId, s, signal)));
        return wanted.map((s, i): ViewerPhoto => ({ key: s, label: SLOT_LABELS[s], url: urls[i]?.url ?? null }));
      },
      [item.candidateId, item.kind],
    ),
  );
  const refresh = usePhotoRefresh(photos.reload);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [slot, setSlot] = useState<IdentitySlot | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `review-${item.candidateId}`;

  const decide = async (verdict: 'verified' | 'rejected') => {
    if (verdict === 'rejected' && !reason.trim()) {
      setError('不通过时请填写原因');
      document.getElementById(`reason-${item.candidateId}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await staffApi.decideIdentity(item.candidateId, {
        verdict,
        version: item.version,
        ...(verdict === 'rejected' ? { reason: reason.trim(), ...(slot ? { slot } : {}) } : {}),
      });
      onDecided(
        verdict === 'verified'
          ? `${item.name}的身份核验已通过。`
          : `${item.name}的身份核验未通过，考生将看到原因并重新上传照片。`,
      );
    } catch (e) {
      setBusy(false);
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') onDecided(e.message);
      else setError(isApiError(e) ? e.message : '操作失败，请稍后再试。');
    }
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    void decide('rejected');
  };

  return (
    <li className="section review-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="review-name">
        {item.name} <span className="badge badge-muted">{KIND_LABELS[item.kind]}</span>
      </h2>
      <dl className="facts facts-inline">
        <div className="facts-row">
          <dt>身份证号</dt>
          <dd className="mono">{item.idNumber}</dd>
        </div>
        <div className="facts-row">
          <dt>提交时间</dt>
          <dd>{formatDateTime(item.submittedAt) ?? '—'}</dd>
        </div>
        <div className="facts-row">
          <dt>转人工原因</dt>
          <dd>{manualReasonLabel(item.manualReason)}</dd>
        </div>
        <div className="facts-row">
          <dt>人脸相似度</dt>
          <dd>{item.similarity === null ? '未比对' : `${item.similarity.toFixed(1)}%`}</dd>
        </div>
      </dl>
      {photos.error && !photos.data ? (
        <ErrorNotice error={photos.error} title="照片加载失败" onRetry={photos.reload} />
      ) : (
        <PhotoGallery
          label={`${item.name}的身份照片`}
          onExpired={refresh}
          photos={photos.data ?? slots.map((s) => ({ key: s, label: SLOT_LABELS[s], url: null }))}
        />
      )}
      {error ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{error}</p>
        </div>
      ) : null}
      <div className="review-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('verified')}>
          通过
        </button>
        {rejecting ? null : (
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => {
              setRejecting(true);
              requestAnimationFrame(() => document.getElementById(`reason-${item.candidateId}`)?.focus());
            }}
          >
            不通过…
          </button>
        )}
      </div>
      {rejecting ? (
        <form className="action-form reject-form" onSubmit={reject} noValidate aria-label={`${item.name}：不通过`}>
          <div className="field">
            <label className="field-label" htmlFor={`reason-${item.candidateId}`}>
              不通过原因
            </label>
            <textarea
              className="input textarea"
              id={`reason-${item.candidateId}`}
              rows={2}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
            />
            <p className="field-hint">考生将看到该原因，例如：手持身份证照模糊，请重新拍摄。</p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`slot-${item.candidateId}`}>
              需重新上传的照片<span className="field-optional">（选填）</span>
            </label>
            <select
              id={`slot-${item.candidateId}`}
              className="input select"
              value={slot}
              onChange={(e) => setSlot(e.target.value as IdentitySlot | '')}
            >
              <option value="">不指定</option>
              {slots.map((s) => (
                <option key={s} value={s}>
                  {SLOT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="review-actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              确认不通过
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setRejecting(false)}>
              取消
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
