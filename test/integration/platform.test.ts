/**
 * The embedded local system over real HTTP: public routes through the real handlers and emulators,
 * the gateway's own answers, the provisioned table and bucket, and data kept across a restart.
 */
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { useLocalSystem } from './harness.js';

const local = useLocalSystem();

interface CatalogBody {
  majors: unknown[];
  confirmationPoints: Array<{ id: string }>;
  certificateTypes: Array<{ id: string }>;
  window: { opensAt: string | null; closesAt: string | null; open: boolean };
}

describe('public API on the local system', () => {
  it('GET /api/health answers ok with the local version', async () => {
    // Act
    const res = await local.fetch('/api/health');

    // Assert
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; time: string };
    expect(body.status).toBe('ok');
    expect(body.version).toBe(local.system.env.APP_VERSION);
    expect(new Date(body.time).toISOString()).toBe(body.time);
  });

  it('GET /api/catalog returns the shipped catalog and the seeded, open window', async () => {
    // Act
    const res = await local.fetch('/api/catalog');

    // Assert
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await res.json()) as CatalogBody;
    expect(body.majors).toHaveLength(35);
    expect(body.confirmationPoints).toHaveLength(11);
    expect(body.certificateTypes.map((t) => t.id)).toEqual([
      'diploma',
      'pets-2',
      'ncre-1',
      'nit-mis',
      'nit-basic',
      'cet-4',
      'pets-3',
      'ncre-2',
    ]);
    expect(body.window.open).toBe(true);
    const opens = Date.parse(body.window.opensAt!);
    const closes = Date.parse(body.window.closesAt!);
    expect(closes - opens).toBe(61 * 24 * 60 * 60 * 1000);
  });

  it('GET /api/openapi.json describes the API as OpenAPI 3.1 with the fixed operationIds', async () => {
    // Act
    const res = await local.fetch('/api/openapi.json');

    // Assert
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operationIds = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(operationIds).toEqual(expect.arrayContaining(['getHealth', 'getCatalog', 'getOpenApi']));
  });

  it('answers an unknown API route with 404 in the API error shape', async () => {
    // Act
    const res = await local.fetch('/api/no-such-route');

    // Assert
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在。' } });
  });

  it('answers a known route with the wrong method with 405', async () => {
    // Act
    const res = await local.fetch('/api/catalog', { method: 'DELETE' });

    // Assert
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('what the local system provisions', () => {
  it('creates the table with the keys, indexes and TTL attribute of TABLE_SCHEMA', async () => {
    // Prepare
    const env = local.system.env;
    const db = new DynamoDBClient({
      endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
      region: env.AWS_REGION,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    });

    // Act
    const table = (await db.send(new DescribeTableCommand({ TableName: local.system.tableName }))).Table!;
    const ttl = (await db.send(new DescribeTimeToLiveCommand({ TableName: local.system.tableName })))
      .TimeToLiveDescription!;
    db.destroy();

    // Assert
    expect(table.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = (table.GlobalSecondaryIndexes ?? []).map((i) => [
      i.IndexName,
      i.KeySchema?.map((k) => k.AttributeName),
      i.Projection?.ProjectionType,
      i.IndexStatus,
    ]);
    const expected = TABLE_SCHEMA.globalSecondaryIndexes.map((i) => [
      i.indexName,
      [i.partitionKey, i.sortKey],
      'ALL',
      'ACTIVE',
    ]);
    expect(indexes.sort()).toEqual(expected.sort());
    expect([ttl.AttributeName, ttl.TimeToLiveStatus]).toEqual(['expiresAt', 'ENABLED']);
  });

  it('lets the web origin PUT to the photo bucket from a browser (CORS preflight)', async () => {
    // Prepare
    const objectUrl = `${local.system.env.AWS_ENDPOINT_URL_S3}/${local.system.bucket}/uploads/probe.jpg`;

    // Act
    const allowed = await fetch(objectUrl, {
      method: 'OPTIONS',
      headers: {
        origin: local.url,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    const foreign = await fetch(objectUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });

    // Assert
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('PUT, GET, HEAD');
    expect(foreign.status).toBe(403);
  });
});

describe('restarting the local system', () => {
  it('keeps the data, the session key and the demo admin, and seeds nothing again', async () => {
    // Prepare
    const before = (await (await local.fetch('/api/catalog')).json()) as CatalogBody;
    const keyBefore = local.system.env.SESSION_SIGNING_KEY;
    const adminBefore = local.system.demoAdmin;
    expect(adminBefore.password).toMatch(/^Demo[A-Za-z0-9]{16}7$/);

    // Act
    await local.restart();
    const res = await local.fetch('/api/catalog');

    // Assert
    expect(res.status).toBe(200);
    const after = (await res.json()) as CatalogBody;
    expect(after.window).toEqual(before.window);
    expect(local.system.notes).toEqual([
      `Demo admin: username "admin", password "${adminBefore.password}" (staff pages: /staff)`,
    ]);
    expect(local.system.demoAdmin).toEqual(adminBefore);
    expect(local.system.env.SESSION_SIGNING_KEY).toBe(keyBefore);
  }, 120_000);
});
