/**
 * Chinese wording of the codes the staff routes answer with (audit actions, identity states, manual
 * review reasons, slots), so the pages never show a raw code to a person.
 */
import type { AuditEntry, IdentitySlot, QueueStatus } from './staff-api';

/** Queue status filter options (the server's own status texts). */
export const STATUS_OPTIONS: ReadonlyArray<{ value: QueueStatus; label: string }> = [
  { value: 'submitted', label: '已提交，待审核' },
  { value: 'returned', label: '被退回' },
  { value: 'decided', label: '审核完成' },
];

/** Names of the identity photo slots, in display order. */
export const SLOT_LABELS: Record<IdentitySlot, string> = {
  portrait: '免冠彩色证件照',
  idCardFront: '身份证人像面',
  handheld: '手持身份证照',
};

/** The photos each kind of candidate uploads: 三照 for 新考生, 两照 for 在籍考生 (seed). */
export function slotsOf(kind: 'new' | 'enrolled'): IdentitySlot[] {
  return kind === 'new' ? ['portrait', 'idCardFront', 'handheld'] : ['idCardFront', 'handheld'];
}

/** 新考生 / 在籍考生. */
export const KIND_LABELS: Record<'new' | 'enrolled', string> = { new: '新考生', enrolled: '在籍考生' };

/** Why an identity waits for staff (functions/domain/identity/candidate.ts ManualReason). */
export const MANUAL_REASON_LABELS: Record<string, string> = {
  disabled: '未启用自动人脸比对',
  below_threshold: '人脸相似度低于阈值',
  unavailable: '自动比对暂不可用',
  daily_limit: '当日自动比对次数已用完',
};

/** The label of a manual review reason (unknown codes are shown as they are). */
export function manualReasonLabel(reason: string | null): string {
  if (!reason) return '—';
  return MANUAL_REASON_LABELS[reason] ?? reason;
}

const IDENTITY_STATUS: Record<string, string> = {
  photos_required: '待上传照片',
  pending: '照片已上传，待提交认证',
  verified: '认证通过',
  manual_review: '人工审核中',
  photo_rejected: '照片未通过',
};

const ACTIONS: Record<string, string> = {
  'application.choices': '选择确认点和专业',
  'application.certificate.added': '添加证书',
  'application.certificate.deleted': '删除证书',
  'application.submitted': '提交申请',
  'application.returned': '退回',
  'application.reapplied': '重新申请',
  'application.decided': '审核',
  'identity.photo.uploaded': '身份核验：上传照片',
  'identity.verification': '身份核验：提交认证',
  'identity.decided': '身份核验：人工审核',
};

/** The Chinese name of an audit action (`identity.*` → 身份核验; unknown codes as they are). */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? (action.startsWith('identity.') ? '身份核验' : action);
}

/** Who acted: 考生, 工作人员 <username>, 系统. */
export function actorLabel(actor: AuditEntry['actor']): string {
  if (actor.kind === 'candidate') return '考生';
  if (actor.kind === 'staff') return `工作人员 ${actor.id}`;
  return '系统';
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The 说明 column of the audit trail: the entry's note, or what changed, in words.
 * @param courseName Course code → name, to spell out decisions.
 */
export function auditNote(entry: AuditEntry, courseName: (code: string) => string): string {
  const after = entry.after;
  switch (entry.action) {
    case 'application.returned':
      return entry.note ? `退回原因：${entry.note}` : '';
    case 'application.submitted': {
      const attempt = field(after, 'attempt');
      return typeof attempt === 'number' ? `第${attempt}次申请` : '';
    }
    case 'application.reapplied':
      return '考生修改后将再次提交';
    case 'application.decided': {
      const decisions = field(after, 'decisions');
      if (!Array.isArray(decisions)) return entry.note ?? '';
      return decisions
        .map((d: unknown) => {
          const code = String(field(d, 'course') ?? '');
          const name = courseName(code);
          const verdict = field(d, 'verdict') === 'approved' ? '通过' : '不通过';
          const reason = field(d, 'reason');
          return `${code}${name ? ` ${name}` : ''}：${verdict}${typeof reason === 'string' && reason ? `（${reason}）` : ''}`;
        })
        .join('；');
    }
    case 'application.choices': {
      const majors = field(after, 'majors');
      return Array.isArray(majors) ? `专业：${majors.join('、')}` : '';
    }
    case 'application.certificate.added':
    case 'application.certificate.deleted': {
      const courses = field(after ?? entry.before, 'courses');
      return Array.isArray(courses) ? `课程：${courses.join('、')}` : '';
    }
    case 'identity.photo.uploaded': {
      const slot = field(after, 'slot');
      return typeof slot === 'string' && slot in SLOT_LABELS ? SLOT_LABELS[slot as IdentitySlot] : '';
    }
    case 'identity.verification':
    case 'identity.decided': {
      const status = field(after, 'status');
      const text = typeof status === 'string' ? (IDENTITY_STATUS[status] ?? status) : '';
      return [text, entry.note ? `原因：${entry.note}` : ''].filter(Boolean).join('；');
    }
    default:
      return entry.note ?? '';
  }
}
