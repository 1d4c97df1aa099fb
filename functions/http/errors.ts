/**
 * Mapping of errors to the API's one error shape (SPEC §4):
 * `{"error": {"code": "...", "message": "...", "fields": {...}}}` with a Chinese `message`.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { AppError, isAppError, type FieldErrors } from '../domain/errors.js';

/** The JSON body of every error answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

function zodFields(error: z.ZodError, where: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : where;
    if (fields[path]) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不允许的字段';
      continue;
    }
    fields[path] = issue.code === 'invalid_type' ? typeMessage(issue.message) : chineseMessage(issue.message);
  }
  return fields;
}

// zod 4 does not keep the input on issues: its default message says whether the value was missing.
function typeMessage(message: string): string {
  if (/[\u4e00-\u9fff]/u.test(message)) return message;
  return /received undefined/.test(message) ? '必填' : '类型不正确';
}

// Schemas in this project give Chinese messages; zod's English defaults get a generic Chinese one.
function chineseMessage(message: string): string {
  return /[\u4e00-\u9fff]/u.test(message) ? message : '格式不正确';
}

/** Turns anything thrown into an {@link AppError}; unknown errors become a generic `INTERNAL`. */
export function toAppError(error: unknown, where = 'body'): AppError {
  if (isAppError(error)) return error;
  if (error instanceof z.ZodError) {
    return new AppError('VALIDATION_FAILED', '提交的信息有误，请按提示修改后重试。', {
      fields: zodFields(error, where),
    });
  }
  return new AppError('INTERNAL', '系统繁忙，请稍后再试。', { cause: error });
}

/** The HTTP answer for an error; 5xx answers carry only a generic message and the request id. */
export function errorResponse(error: AppError, requestId?: string): APIGatewayProxyStructuredResultV2 {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields && Object.keys(error.fields).length ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
  return {
    statusCode: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}
