/**
 * THE route table: every route of the API, its handler, who may call it, the AWS permissions it
 * needs and its request/response schemas. Data only (no aws-cdk-lib import). The CDK app builds one
 * function, one route and only the listed grants per row; the local server mounts the same handlers
 * from it; `GET /api/openapi.json` is generated from it. No route exists in one place only.
 */
import { z } from 'zod';
import { Catalog } from './domain/catalog/schema.js';
import { StaffLoginBody, StaffView } from './domain/staff/api.js';
import {
  ActivateBody,
  ChangePasswordBody,
  DecideIdentityBody,
  IdentityReviewItem,
  IdentityView,
  LoginBody,
  MeView,
  PhotoUploadBody,
  PhotoUploadView,
  PhotoUrlView,
  RegisterBody,
  SlotInput,
} from './domain/identity/api.js';
import { defineRoute, type RouteDefinition } from './route-types.js';

/** The application window as the API shows it. */
export const WindowView = z.object({
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** True while applications may be written (opensAt ≤ now < closesAt). */
  open: z.boolean(),
});

/** `GET /api/catalog` answer: the active catalog and the application window. */
export const CatalogView = Catalog.extend({ window: WindowView });

/** `GET /api/health` answer. */
export const HealthView = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() });

/** An opaque id in a path (32 hex characters). */
const Id = z.string().regex(/^[a-f0-9]{32}$/, '编号格式不正确');

/** Answer of routes that only confirm. */
export const OkView = z.object({ ok: z.literal(true) });

/** A confirmation point id in a query. */
const PointQuery = z.string().regex(/^[a-z0-9-]{2,40}$/, '确认点编号格式不正确');

/** Page size of staff queues. */
const Limit = z.coerce.number().int().min(1, '每页至少1条').max(100, '每页最多100条').default(20);

/** Every route, keyed by operationId. */
export const routes = {
  getHealth: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/api/health',
    handler: 'public/get-health',
    audience: 'public',
    summary: '健康检查',
    tags: ['public'],
    permissions: {},
    request: {},
    response: HealthView,
  }),
  getCatalog: defineRoute({
    operationId: 'getCatalog',
    method: 'GET',
    path: '/api/catalog',
    handler: 'public/get-catalog',
    audience: 'public',
    summary: '专业、免考确认点、证书类型与免考规则，及免考申请期间',
    tags: ['public'],
    permissions: { table: 'read' },
    request: {},
    response: CatalogView,
  }),
  getOpenApi: defineRoute({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'public/get-openapi',
    audience: 'public',
    summary: 'OpenAPI 3.1 description of this API, generated from the route table',
    tags: ['public'],
    permissions: {},
    request: {},
    response: z.record(z.string(), z.unknown()),
  }),

  // ── Candidate accounts (SPEC §2.1) ──────────────────────────────────────────────────────────────
  registerCandidate: defineRoute({
    operationId: 'registerCandidate',
    method: 'POST',
    path: '/api/candidates',
    handler: 'candidate/register-candidate',
    audience: 'public',
    summary: '新考生注册（填写个人信息、设置密码），成功后登录',
    tags: ['candidate account'],
    permissions: { table: 'write', signsSessions: true },
    request: { body: RegisterBody },
    response: MeView,
    successStatus: 201,
  }),
  activateCandidate: defineRoute({
    operationId: 'activateCandidate',
    method: 'POST',
    path: '/api/candidates/activation',
    handler: 'candidate/activate-candidate',
    audience: 'public',
    summary: '在籍考生认证：身份证号与姓名匹配在籍名册，设置密码，成功后登录',
    tags: ['candidate account'],
    permissions: { table: 'write', signsSessions: true },
    request: { body: ActivateBody },
    response: MeView,
    successStatus: 201,
  }),
  login: defineRoute({
    operationId: 'login',
    method: 'POST',
    path: '/api/session',
    handler: 'candidate/login',
    audience: 'public',
    summary: '考生登录（身份证号或准考证号 + 密码）',
    tags: ['candidate account'],
    permissions: { table: 'write', signsSessions: true },
    request: { body: LoginBody },
    response: MeView,
  }),
  logout: defineRoute({
    operationId: 'logout',
    method: 'DELETE',
    path: '/api/session',
    handler: 'candidate/logout',
    audience: 'public',
    summary: '考生退出登录',
    tags: ['candidate account'],
    permissions: {},
    request: {},
    response: OkView,
  }),
  getMe: defineRoute({
    operationId: 'getMe',
    method: 'GET',
    path: '/api/me',
    handler: 'candidate/get-me',
    audience: 'candidate',
    summary: '个人中心：个人信息（证件号脱敏）、身份认证状态、免考申请资格',
    tags: ['candidate account'],
    permissions: { table: 'read' },
    request: {},
    response: MeView,
  }),
  changePassword: defineRoute({
    operationId: 'changePassword',
    method: 'POST',
    path: '/api/me/password',
    handler: 'candidate/change-password',
    audience: 'candidate',
    summary: '修改密码',
    tags: ['candidate account'],
    permissions: { table: 'write' },
    request: { body: ChangePasswordBody },
    response: OkView,
  }),

  // ── Identity (SPEC §2.1, §3) ────────────────────────────────────────────────────────────────────
  createIdentityPhotoUpload: defineRoute({
    operationId: 'createIdentityPhotoUpload',
    method: 'POST',
    path: '/api/me/identity/uploads',
    handler: 'candidate/create-identity-photo-upload',
    audience: 'candidate',
    summary: '申请上传身份照片：返回5分钟内有效、签名了类型和大小的 PUT 地址',
    tags: ['identity'],
    permissions: { table: 'write', photos: 'write' },
    request: { body: PhotoUploadBody },
    response: PhotoUploadView,
    successStatus: 201,
  }),
  completeIdentityPhotoUpload: defineRoute({
    operationId: 'completeIdentityPhotoUpload',
    method: 'POST',
    path: '/api/me/identity/uploads/{uploadId}/complete',
    handler: 'candidate/complete-identity-photo-upload',
    audience: 'candidate',
    summary: '确认照片上传：复查大小、格式、像素后保存',
    tags: ['identity'],
    permissions: { table: 'write', photos: 'write' },
    request: { params: z.object({ uploadId: Id }).strict() },
    response: IdentityView,
  }),
  getIdentityPhoto: defineRoute({
    operationId: 'getIdentityPhoto',
    method: 'GET',
    path: '/api/me/identity/photos/{slot}',
    handler: 'candidate/get-identity-photo',
    audience: 'candidate',
    summary: '查看本人身份照片（短时有效地址）',
    tags: ['identity'],
    permissions: { table: 'read', photos: 'read' },
    request: { params: z.object({ slot: SlotInput }).strict() },
    response: PhotoUrlView,
  }),
  verifyIdentity: defineRoute({
    operationId: 'verifyIdentity',
    method: 'POST',
    path: '/api/me/identity/verification',
    handler: 'candidate/verify-identity',
    audience: 'candidate',
    summary: '提交身份认证：自动人脸比对（启用时），否则转人工审核',
    tags: ['identity'],
    // Rekognition reads the S3 objects with the caller's permissions: photos 'read' goes with faces.
    permissions: { table: 'write', photos: 'read', faces: true },
    request: {},
    response: IdentityView,
  }),

  // ── Staff session and manual identity review (SPEC §2.3) ───────────────────────────────────────
  staffLogin: defineRoute({
    operationId: 'staffLogin',
    method: 'POST',
    path: '/api/staff/session',
    handler: 'staff/staff-login',
    audience: 'public',
    summary: '工作人员登录',
    tags: ['staff'],
    permissions: { table: 'write', signsSessions: true },
    request: { body: StaffLoginBody },
    response: StaffView,
  }),
  staffLogout: defineRoute({
    operationId: 'staffLogout',
    method: 'DELETE',
    path: '/api/staff/session',
    handler: 'staff/staff-logout',
    audience: 'public',
    summary: '工作人员退出登录',
    tags: ['staff'],
    permissions: {},
    request: {},
    response: OkView,
  }),
  getStaffMe: defineRoute({
    operationId: 'getStaffMe',
    method: 'GET',
    path: '/api/staff/me',
    handler: 'staff/get-staff-me',
    audience: 'staff',
    summary: '当前工作人员信息',
    tags: ['staff'],
    permissions: { table: 'read' },
    request: {},
    response: StaffView,
  }),
  listIdentityReviews: defineRoute({
    operationId: 'listIdentityReviews',
    method: 'GET',
    path: '/api/staff/identity-reviews',
    handler: 'staff/list-identity-reviews',
    audience: 'staff',
    summary: '人工身份核验队列（按确认点，先提交的在前）',
    tags: ['staff'],
    permissions: { table: 'read' },
    request: { query: z.object({ pointId: PointQuery, limit: Limit, cursor: z.string().max(2000).optional() }).strict() },
    response: z.object({ items: z.array(IdentityReviewItem), cursor: z.string().nullable() }),
  }),
  decideIdentity: defineRoute({
    operationId: 'decideIdentity',
    method: 'POST',
    path: '/api/staff/identity-reviews/{candidateId}/decision',
    handler: 'staff/decide-identity',
    audience: 'staff',
    summary: '人工身份核验：通过，或不通过并说明原因',
    tags: ['staff'],
    permissions: { table: 'write' },
    request: {
      params: z.object({ candidateId: Id }).strict(),
      body: DecideIdentityBody,
    },
    response: IdentityReviewItem,
  }),
  getStaffIdentityPhoto: defineRoute({
    operationId: 'getStaffIdentityPhoto',
    method: 'GET',
    path: '/api/staff/identity-reviews/{candidateId}/photos/{slot}',
    handler: 'staff/get-staff-identity-photo',
    audience: 'staff',
    summary: '查看考生身份照片（短时有效地址，限本确认点）',
    tags: ['staff'],
    permissions: { table: 'read', photos: 'read' },
    request: { params: z.object({ candidateId: Id, slot: SlotInput }).strict() },
    response: PhotoUrlView,
  }),
} as const satisfies Record<string, RouteDefinition>;

/** The route table as a list, in declaration order. */
export const routeList: readonly RouteDefinition[] = Object.values(routes) as RouteDefinition[];
