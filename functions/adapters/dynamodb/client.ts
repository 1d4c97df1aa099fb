/**
 * The DynamoDB document client of a function, created once per process. The table name comes from
 * `TABLE_NAME` (set by the CDK `bindTable` helper together with the matching grant). The endpoint is
 * the SDK's own `AWS_ENDPOINT_URL_DYNAMODB` when set, so the same code talks to DynamoDB Local.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { lazyConfig } from '../../config.js';

const config = lazyConfig(z.object({ TABLE_NAME: z.string().min(3) }));

let client: DynamoDBDocumentClient | undefined;

/** The shared document client (undefined attributes removed, numbers as JS numbers). */
export function documentClient(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return client;
}

/** The table name from the environment. */
export function tableName(): string {
  return config().TABLE_NAME;
}
