/**
 * The catalog (confirmation points, majors, courses) for the staff pages' filters and labels: fetched
 * once per page load and shared, since it changes only when an admin imports a new one.
 */
import { useCallback } from 'react';
import { api } from '../api';
import type { CatalogView } from '../api-types';
import type { StaffView } from './staff-api';
import { useResource, type Resource } from './use-resource';

let cached: Promise<CatalogView> | null = null;

function loadCatalog(signal: AbortSignal): Promise<CatalogView> {
  // Not tied to one page's signal: the shared answer must survive the page that asked first.
  cached ??= api.getCatalog().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    cached!.then(resolve, reject);
  });
}

/** Forgets the cached catalog (after an admin imported a new one). */
export function forgetCatalog(): void {
  cached = null;
}

/** The catalog as a resource (loading / error / data). */
export function useCatalog(): Resource<CatalogView> {
  return useResource(useCallback((signal: AbortSignal) => loadCatalog(signal), []));
}

/** The confirmation points a staff member may choose: admins all, staff their own (catalog order). */
export function pointsOf(staff: StaffView, catalog: CatalogView): Array<{ id: string; name: string }> {
  const all = catalog.confirmationPoints.map((p) => ({ id: p.id, name: p.name }));
  return staff.role === 'admin' ? all : all.filter((p) => staff.points.includes(p.id));
}

/** A point's name, or its id when the catalog does not know it. */
export function pointName(catalog: CatalogView | undefined, pointId: string): string {
  return catalog?.confirmationPoints.find((p) => p.id === pointId)?.name ?? pointId;
}

/** `code name` of a major, or the code alone. */
export function majorLabel(catalog: CatalogView | undefined, code: string): string {
  const major = catalog?.majors.find((m) => m.code === code);
  return major ? `${code} ${major.name}` : code;
}
