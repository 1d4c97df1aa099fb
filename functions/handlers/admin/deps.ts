/** Wiring of the admin handlers. */
import { dynamoAdminStore } from '../../adapters/dynamodb/admin-store.js';
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { dynamoStaffStore } from '../../adapters/dynamodb/staff-store.js';
import { randomIds, systemClock, ticketPattern } from '../../adapters/runtime.js';
import type { AdminDeps } from '../../app/admin.js';

/** Ports of the admin use cases, backed by DynamoDB. */
export function adminDeps(): AdminDeps {
  return {
    admin: dynamoAdminStore(),
    staff: dynamoStaffStore(),
    catalogs: dynamoCatalogStore(),
    clock: systemClock,
    ids: randomIds,
    ticketPattern: ticketPattern(),
  };
}
