/**
 * Set-up steps shared by the application and staff integration tests, over real HTTP: an admin session,
 * roster rows, and verified enrolled candidates (activation → two photos → verification → staff decision).
 */
import { expect } from 'vitest';
import { certificateJpeg, portraitProgressiveJpeg } from '../fixtures/photos/photos.js';
import { ApiClient, putToPresignedUrl, type UploadTicket } from './client.js';
import type { LocalSystemFixture } from './harness.js';

export { validId } from '../support/ids.js';

/** The demo admin, signed in. */
export async function adminClient(local: LocalSystemFixture): Promise<ApiClient> {
  const admin = new ApiClient(local);
  const res = await admin.post('/api/staff/session', {
    username: local.system.demoAdmin.username,
    password: local.system.demoAdmin.password,
  });
  expect(res.status).toBe(200);
  return admin;
}

/** PUTs bytes through a create-upload route and completes it (JPEG unless `createBody` says otherwise); returns the complete answer. */
export async function uploadPhoto(
  client: ApiClient,
  createPath: string,
  createBody: Record<string, unknown>,
  bytes: Uint8Array,
  completePath: (uploadId: string) => string,
) {
  const created = await client.post<UploadTicket>(createPath, {
    contentType: 'image/jpeg',
    ...createBody,
    contentLength: bytes.length,
  });
  expect(created.status).toBe(201);
  expect(await putToPresignedUrl(created.body, bytes)).toBe(200);
  return client.post(completePath(created.body.uploadId));
}

/** One roster row. */
export interface RosterRow {
  name: string;
  idNumber: string;
  ticketNumber: string;
  majors: string[];
  pointId?: string;
}

/**
 * Creates a verified enrolled candidate: roster import by the admin, activation, two identity photos,
 * verification (manual, face compare being disabled locally) and the admin's decision.
 */
export async function verifiedCandidate(
  local: LocalSystemFixture,
  admin: ApiClient,
  row: RosterRow,
): Promise<{ client: ApiClient; candidateId: string }> {
  const imported = await admin.post('/api/admin/roster', {
    csv: `${row.name},${row.idNumber},${row.ticketNumber},${row.majors.join(';')},${row.pointId ?? 'taiyuan'}\n`,
  });
  expect(imported.body).toEqual({ accepted: 1, rejected: [] });
  const client = new ApiClient(local);
  const activated = await client.post<{ candidateId: string }>('/api/candidates/activation', {
    idNumber: row.idNumber,
    name: row.name,
    password: 'pass1234',
    mobile: '13900003333',
  });
  expect(activated.status).toBe(201);
  for (const [slot, bytes] of [
    ['idCardFront', certificateJpeg()],
    ['handheld', portraitProgressiveJpeg()],
  ] as const) {
    const done = await uploadPhoto(
      client,
      '/api/me/identity/uploads',
      { slot },
      bytes,
      (id) => `/api/me/identity/uploads/${id}/complete`,
    );
    expect(done.status).toBe(200);
  }
  expect((await client.post('/api/me/identity/verification')).status).toBe(200);
  const { candidateId } = activated.body;
  const queue = await admin.get<{ items: Array<{ candidateId: string; version: number }> }>(
    `/api/staff/identity-reviews?pointId=${row.pointId ?? 'taiyuan'}&limit=100`,
  );
  const item = queue.body.items.find((i) => i.candidateId === candidateId)!;
  const decided = await admin.post(`/api/staff/identity-reviews/${candidateId}/decision`, {
    verdict: 'verified',
    version: item.version,
  });
  expect(decided.status).toBe(200);
  return { client, candidateId };
}

/** A certificate photo uploaded and completed by the candidate; returns its photoId. */
export async function certificatePhoto(client: ApiClient): Promise<string> {
  const done = await uploadPhoto(
    client,
    '/api/me/application/photo-uploads',
    {},
    certificateJpeg(),
    (id) => `/api/me/application/photo-uploads/${id}/complete`,
  );
  expect(done.status).toBe(200);
  return (done.body as { photoId: string }).photoId;
}
