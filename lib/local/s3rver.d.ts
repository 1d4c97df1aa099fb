/**
 * The part of `@20minutes/s3rver` 4.0.4 (a maintained fork of s3rver, shipped without types) that
 * the embedded system uses. Source: the package's `lib/s3rver.js`.
 */
declare module '@20minutes/s3rver' {
  import type { AddressInfo } from 'node:net';

  /** A bucket created (or updated) at `run()`, bypassing the S3 API. */
  interface S3rverBucketConfig {
    name: string;
    /** XML documents: `<CORSConfiguration>` or `<WebsiteConfiguration>`. */
    configs?: Array<string | Buffer>;
  }

  interface S3rverOptions {
    address?: string;
    /** 0 picks a free port. */
    port?: number;
    /** Suppresses the request log and warnings. */
    silent?: boolean;
    /** Where buckets and objects are stored (must exist). */
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    configureBuckets?: S3rverBucketConfig[];
  }

  /** An S3 emulator (a Koa app); credentials `S3RVER` / `S3RVER`. */
  class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets, then listens; resolves with the bound address. */
    run(): Promise<AddressInfo>;
    /** Stops listening (idle keep-alive connections are closed too). */
    close(): Promise<void>;
  }

  export default S3rver;
}
