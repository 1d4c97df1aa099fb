/**
 * Types of the API's answers, taken from the route table's zod schemas (TYPES only: `import type`
 * is erased by the build, so no server code reaches the browser bundle). When a route's schema
 * changes, this file — and every page using it — stops type-checking instead of drifting.
 */
import type { z } from 'zod';
import type { CatalogView as CatalogViewSchema } from '../../functions/routes';

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
