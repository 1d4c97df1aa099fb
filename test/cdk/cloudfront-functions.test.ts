/**
 * The two CloudFront Functions of the distribution, run here as the plain JavaScript they are
 * (cloudfront-js-2.0 is ES5.1 plus a few extras; these use none of the extras).
 */
import { describe, expect, it } from 'vitest';
import { API_FORWARDED_HOST_CODE, SPA_REWRITE_CODE } from '../../lib/web.js';

interface CfRequest {
  uri: string;
  headers: Record<string, { value: string }>;
}

function load(code: string): (event: { request: CfRequest }) => CfRequest {
  return new Function(`${code}\nreturn handler;`)() as (event: { request: CfRequest }) => CfRequest;
}

describe('SPA rewrite (default behaviour, viewer request)', () => {
  const rewrite = load(SPA_REWRITE_CODE);
  const uriAfter = (uri: string) => rewrite({ request: { uri, headers: {} } }).uri;

  it('serves /index.html for client-side routes (no file extension in the last segment)', () => {
    // Act + Assert
    expect(['/', '/login', '/staff/applications', '/applications/01J9Z/print', '/v1.2/help/'].map(uriAfter)).toEqual([
      '/index.html',
      '/index.html',
      '/index.html',
      '/index.html',
      '/index.html',
    ]);
  });

  it('leaves files alone', () => {
    // Act + Assert
    expect(['/assets/index-CvHWmQ6u.js', '/favicon.svg', '/index.html', '/v1.2/app.css'].map(uriAfter)).toEqual([
      '/assets/index-CvHWmQ6u.js',
      '/favicon.svg',
      '/index.html',
      '/v1.2/app.css',
    ]);
  });
});

describe('x-forwarded-host (/api/*, viewer request)', () => {
  const forward = load(API_FORWARDED_HOST_CODE);

  it('copies the viewer Host into x-forwarded-host, replacing a value the client sent', () => {
    // Prepare
    const request = {
      uri: '/api/login',
      headers: { host: { value: 'd111.cloudfront.net' }, 'x-forwarded-host': { value: 'evil.example' } },
    };

    // Act
    const out = forward({ request });

    // Assert
    expect(out.headers['x-forwarded-host']).toEqual({ value: 'd111.cloudfront.net' });
    expect(out.uri).toBe('/api/login');
  });

  it('drops a client x-forwarded-host when there is no Host to copy', () => {
    // Prepare
    const request = {
      uri: '/api/login',
      headers: { 'x-forwarded-host': { value: 'evil.example' } } as Record<string, { value: string }>,
    };

    // Act
    const out = forward({ request });

    // Assert
    expect(out.headers).toEqual({});
  });
});
