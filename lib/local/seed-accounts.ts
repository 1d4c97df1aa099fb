/**
 * Demo accounts of the embedded system, written through the real stores and use cases (so the items
 * have exactly the shape the handlers read): the demo roster of enrolled candidates and a demo admin.
 * The admin's password is generated once per data folder, kept in `demo-admin-password` (owner-only)
 * and printed at start; it is never a fixed, published password.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dynamoRosterStore } from '../../functions/adapters/dynamodb/roster-store.js';
import { dynamoStaffStore } from '../../functions/adapters/dynamodb/staff-store.js';
import { systemClock } from '../../functions/adapters/runtime.js';
import { makeCreateStaff } from '../../functions/app/staff-accounts.js';
import { DEMO_ADMIN_USERNAME, DEMO_ROSTER } from './demo-data.js';

/** Credentials of the demo admin; `password` is null when the account predates the password file. */
export interface DemoAdmin {
  readonly username: string;
  readonly password: string | null;
}

async function readPassword(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim() || null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Seeds the roster (missing entries only) and the demo admin. Needs the handler environment
 * (`TABLE_NAME`, emulator endpoints) to be in `process.env` already.
 */
export async function seedDemoAccounts(dataDir: string): Promise<{ demoAdmin: DemoAdmin; notes: string[] }> {
  const notes: string[] = [];
  const roster = dynamoRosterStore();
  let added = 0;
  for (const entry of DEMO_ROSTER) {
    if (!(await roster.get(entry.idNumber))) {
      await roster.put(entry);
      added++;
    }
  }
  if (added) notes.push(`Demo roster: ${added} enrolled candidates seeded (see lib/local/demo-data.ts).`);

  const staff = dynamoStaffStore();
  const file = path.join(dataDir, 'demo-admin-password');
  let password = await readPassword(file);
  if (!(await staff.get(DEMO_ADMIN_USERNAME))) {
    // Letters and digits, so it passes the password policy; 16 characters from 12 random bytes.
    password = `Demo${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}7`;
    await makeCreateStaff({ staff, clock: systemClock })(
      { username: DEMO_ADMIN_USERNAME, displayName: '演示管理员', role: 'admin', points: [], password },
      { kind: 'system', id: 'local-seed' },
    );
    await writeFile(file, `${password}\n`, { mode: 0o600 });
  }
  notes.push(
    password
      ? `Demo admin: username "${DEMO_ADMIN_USERNAME}", password "${password}" (staff pages: /staff)`
      : `Demo admin "${DEMO_ADMIN_USERNAME}" exists, but its password file is missing: delete the data folder to start afresh.`,
  );
  return { demoAdmin: { username: DEMO_ADMIN_USERNAME, password }, notes };
}
