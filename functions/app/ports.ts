/**
 * Ports: the interfaces through which use cases reach storage, photos, face comparison, the clock and
 * id generation. Adapters (`functions/adapters/*`) implement them; tests pass fakes.
 */
import type { Catalog } from '../domain/catalog/schema.js';

/** The application window (免考申请期间), ISO 8601 instants; open when opensAt ≤ now < closesAt. */
export interface ApplicationWindow {
  readonly opensAt: string;
  readonly closesAt: string;
}

/** Who did a change and when (ISO 8601), for configuration items. */
export interface ChangeMeta {
  readonly at: string;
  readonly by: string;
}

/** Catalog and window storage. */
export interface CatalogStore {
  /** The active catalog (the shipped default when none was imported). */
  getCatalog(): Promise<Catalog>;
  putCatalog(catalog: Catalog, meta: ChangeMeta): Promise<void>;
  /** The configured window, or null when none was set. */
  getWindow(): Promise<ApplicationWindow | null>;
  putWindow(window: ApplicationWindow, meta: ChangeMeta): Promise<void>;
}

/** The clock: current time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}
