/**
 * Types of the API's answers, taken from the route table's zod schemas (TYPES only: `import type`
 * is erased by the build, so no server code reaches the browser bundle). When a route's schema
 * changes, this file — and every page using it — stops type-checking instead of drifting.
 */
import type { z } from 'zod';
import type {
  ApplicationView as ApplicationViewSchema,
  CertificateBody as CertificateBodySchema,
  CertificatePhotoView as CertificatePhotoViewSchema,
  ChoicesBody as ChoicesBodySchema,
  MyApplicationView as MyApplicationViewSchema,
  ReviewResultsView as ReviewResultsViewSchema,
} from '../../functions/domain/application/api';
import type {
  ActivateBody as ActivateBodySchema,
  ChangePasswordBody as ChangePasswordBodySchema,
  IdentityView as IdentityViewSchema,
  LoginBody as LoginBodySchema,
  MeView as MeViewSchema,
  PhotoUploadView as PhotoUploadViewSchema,
  PhotoUrlView as PhotoUrlViewSchema,
  RegisterBody as RegisterBodySchema,
} from '../../functions/domain/identity/api';
import type { NoticeView as NoticeViewSchema } from '../../functions/domain/admin/api';
import type { CatalogView as CatalogViewSchema, OkView as OkViewSchema } from '../../functions/routes';

/** `GET /api/catalog` answer: majors, confirmation points, certificate types, rules, window. */
export type CatalogView = z.infer<typeof CatalogViewSchema>;
/** One major (专业) of the catalog. */
export type Major = CatalogView['majors'][number];
/** One confirmation point (免考确认点). */
export type ConfirmationPoint = CatalogView['confirmationPoints'][number];
/** One certificate type (证书), in the seed's order. */
export type CertificateType = CatalogView['certificateTypes'][number];
/** The application window (免考申请期间); ISO timestamps, `open` computed by the server. */
export type WindowView = CatalogView['window'];

/** The JSON body of every error answer (functions/http/errors.ts, SPEC §4). */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    requestId?: string;
    details?: Record<string, unknown>;
  };
}

/** `GET /api/me` answer: the signed-in candidate's profile (ID number and mobile masked), identity, eligibility. */
export type MeView = z.infer<typeof MeViewSchema>;
/** The identity verification state as the candidate sees it. */
export type IdentityView = z.infer<typeof IdentityViewSchema>;
/** One identity photo slot's state. */
export type IdentityPhoto = IdentityView['photos'][number];
/** Identity photo slots: 免冠彩色证件照, 身份证人像面, 手持身份证照. */
export type IdentitySlot = IdentityPhoto['slot'];
/** Identity verification states. */
export type IdentityStatus = IdentityView['status'];
/** A presigned PUT for a photo upload. */
export type PhotoUploadView = z.infer<typeof PhotoUploadViewSchema>;
/** A short-lived URL to view a photo. */
export type PhotoUrlView = z.infer<typeof PhotoUrlViewSchema>;
/** Answer of routes that only confirm. */
export type OkView = z.infer<typeof OkViewSchema>;

/** `registerCandidate` body as the browser sends it (the server normalises and checks each field). */
export type RegisterInput = z.input<typeof RegisterBodySchema>;
/** `activateCandidate` body. */
export type ActivateInput = z.input<typeof ActivateBodySchema>;
/** `login` body. */
export type LoginInput = z.input<typeof LoginBodySchema>;
/** `changePassword` body. */
export type ChangePasswordInput = z.input<typeof ChangePasswordBodySchema>;

/** `getApplication` answer: this window's application (null before step 1), the window, eligibility. */
export type MyApplicationView = z.infer<typeof MyApplicationViewSchema>;
/** An exemption application as its candidate sees it (ID number masked). */
export type ApplicationView = z.infer<typeof ApplicationViewSchema>;
/** One certificate row of an application, with its exempt courses and photos. */
export type ApplicationCertificate = ApplicationView['certificates'][number];
/** A certificate photo of an application (pixel size). */
export type ApplicationPhoto = ApplicationCertificate['photos'][number];
/** Application states: draft, submitted, returned, decided. */
export type ApplicationStatus = ApplicationView['status'];
/** `saveApplicationChoices` body (step 1). */
export type ChoicesInput = z.input<typeof ChoicesBodySchema>;
/** `addCertificate` body (step 2). */
export type CertificateInput = z.input<typeof CertificateBodySchema>;
/** `completeCertificatePhotoUpload` answer: the kept photo's id, bytes and pixel size. */
export type CertificatePhotoView = z.infer<typeof CertificatePhotoViewSchema>;
/** `getReviewResults` answer (免考审核结果查询). */
export type ReviewResultsView = z.infer<typeof ReviewResultsViewSchema>;
/** One course's review result. */
export type ReviewResult = ReviewResultsView['results'][number];

/** One notice (通知公告) as `GET /api/notices` lists it. */
export type NoticeView = z.infer<typeof NoticeViewSchema>;
