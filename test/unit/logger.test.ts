import { describe, expect, it } from 'vitest';
import { scrub } from '../../functions/http/logger.js';

describe('log scrubbing', () => {
  it('redacts secret keys at any depth', () => {
    expect(scrub({ password: 'abc12345', nested: { idNumber: '11010519491231002X', ok: 1 } })).toEqual({
      password: '[redacted]',
      nested: { idNumber: '[redacted]', ok: 1 },
    });
  });

  it('masks ID numbers and presigned URLs inside strings', () => {
    expect(scrub('duplicate 11010519491231002X in table')).toBe('duplicate 110105********X in table');
    expect(scrub('GET https://b.s3.amazonaws.com/k?X-Amz-Signature=abc done')).toBe('GET [presigned-url] done');
  });

  it('keeps non-personal values', () => {
    expect(scrub({ operationId: 'login', status: 409, tags: ['a'] })).toEqual({
      operationId: 'login',
      status: 409,
      tags: ['a'],
    });
  });
});
