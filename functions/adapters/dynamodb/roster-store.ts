/** DynamoDB implementation of {@link RosterStore}: one item per enrolled candidate, keyed by ID number. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RosterStore } from '../../app/ports.js';
import type { RosterEntry } from '../../domain/identity/candidate.js';
import { documentClient, tableName } from './client.js';
import { keys } from './items.js';

/** Creates the DynamoDB-backed roster store. */
export function dynamoRosterStore(): RosterStore {
  const db = documentClient();
  return {
    async get(idNumber) {
      const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.roster(idNumber) }));
      if (!out.Item) return null;
      const { idNumber: id, name, ticketNumber, majors, pointId } = out.Item as RosterEntry;
      return { idNumber: id, name, ticketNumber, majors: majors ?? [], ...(pointId ? { pointId } : {}) };
    },
    async put(entry) {
      await db.send(
        new PutCommand({ TableName: tableName(), Item: { ...keys.roster(entry.idNumber), type: 'roster', ...entry } }),
      );
    },
  };
}
