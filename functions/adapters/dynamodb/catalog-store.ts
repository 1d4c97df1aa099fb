/**
 * Catalog and application-window storage. The active catalog is one item (`pk=CONFIG`,
 * `sk=CATALOG`); when none has been imported, the catalog shipped with the code is used. The window
 * is another item (`sk=WINDOW`).
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationWindow, AuditEntry, CatalogStore } from '../../app/ports.js';
import { Catalog } from '../../domain/catalog/schema.js';
import { defaultCatalog } from '../../domain/catalog/default.js';
import { documentClient, tableName } from './client.js';
import { auditPut } from './items.js';

const CONFIG_PK = 'CONFIG';

/** DynamoDB implementation of {@link CatalogStore}. */
export function dynamoCatalogStore(): CatalogStore {
  const db = documentClient();
  async function put(item: Record<string, unknown>, audit: AuditEntry | undefined): Promise<void> {
    if (!audit) await db.send(new PutCommand({ TableName: tableName(), Item: item }));
    else
      await db.send(
        new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tableName(), Item: item } }, auditPut(audit)] }),
      );
  }
  return {
    async getCatalog() {
      const out = await db.send(new GetCommand({ TableName: tableName(), Key: { pk: CONFIG_PK, sk: 'CATALOG' } }));
      return out.Item ? Catalog.parse(out.Item.catalog) : defaultCatalog();
    },
    async putCatalog(catalog, meta, audit) {
      await put({ pk: CONFIG_PK, sk: 'CATALOG', catalog, importedAt: meta.at, importedBy: meta.by }, audit);
    },
    async getWindow() {
      const out = await db.send(new GetCommand({ TableName: tableName(), Key: { pk: CONFIG_PK, sk: 'WINDOW' } }));
      if (!out.Item) return null;
      return {
        opensAt: String(out.Item.opensAt),
        closesAt: String(out.Item.closesAt),
        ...(typeof out.Item.id === 'string' ? { id: out.Item.id } : {}),
      };
    },
    async putWindow(window: ApplicationWindow, meta, audit) {
      await put({ pk: CONFIG_PK, sk: 'WINDOW', ...window, updatedAt: meta.at, updatedBy: meta.by }, audit);
    },
  };
}
