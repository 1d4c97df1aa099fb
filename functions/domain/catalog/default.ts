/**
 * The catalog shipped with the system (`default-catalog.json`, built from `shared/catalog-reference.md`):
 * majors from the seed, sample plans, defaults for the exemption rules marked "default, verify".
 */
import data from './default-catalog.json' with { type: 'json' };
import { Catalog } from './schema.js';

let parsed: Catalog | undefined;

/** The shipped catalog, validated once. @throws ZodError if the shipped file is malformed. */
export function defaultCatalog(): Catalog {
  parsed ??= Catalog.parse(data);
  return parsed;
}
