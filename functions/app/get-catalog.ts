/**
 * Use case: the public catalog view.
 * Primary course: read the active catalog and the window → compute whether the window is open now.
 */
import type { z } from 'zod';
import type { CatalogView } from '../routes.js';
import type { CatalogStore, Clock } from './ports.js';
import { isWindowOpen } from '../domain/window.js';

/** Builds the `getCatalog` use case from its ports. */
export function makeGetCatalog(deps: { catalogs: CatalogStore; clock: Clock }) {
  return async (): Promise<z.infer<typeof CatalogView>> => {
    const [catalog, window] = await Promise.all([deps.catalogs.getCatalog(), deps.catalogs.getWindow()]);
    return {
      ...catalog,
      window: {
        opensAt: window?.opensAt ?? null,
        closesAt: window?.closesAt ?? null,
        open: isWindowOpen(window, deps.clock.now()),
      },
    };
  };
}
