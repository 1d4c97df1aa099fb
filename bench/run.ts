/**
 * `npm run bench`: for every route of the route table, the size of its minified Lambda bundle and
 * its cold import time and memory, beside a baseline that imports the same AWS SDK clients and does
 * nothing else. Writes `bench/results.json` and prints a table. Method and how to read the figures:
 * `bench/README.md`.
 *
 * Environment: `BENCH_RUNS` (timed fresh processes per bundle, default 7), `BENCH_NODE_OPTIONS`
 * (`NODE_OPTIONS` of the measured processes, default none).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { BUNDLING } from '../lib/bundling.js';
import type { RouteDefinition } from '../functions/route-types.js';
import { routeList } from '../functions/routes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(ROOT, 'bench', 'tmp');
const RESULTS = path.join(ROOT, 'bench', 'results.json');

/** Timed fresh processes per bundle (`BENCH_RUNS`, default 7). */
const RUNS = parseRuns(process.env.BENCH_RUNS);
/**
 * `NODE_OPTIONS` of the child (`BENCH_NODE_OPTIONS`, default none). Set it to what the deployed
 * function sets, e.g. `--enable-source-maps`, which makes Node read the source map at import.
 */
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '';
/** A child that takes longer than this is killed and the benchmark fails. */
const CHILD_TIMEOUT_MS = 60_000;

/** Figures of repeated measurements: median, nearest-rank 90th percentile, min, max, and the samples. */
interface Stats {
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
}

/** What one bundle measured. Sizes in bytes, times in milliseconds, memory (RSS) in bytes. */
interface BundleFigures {
  /** Bundle path relative to the repository root. */
  readonly file: string;
  /** Size of the minified `index.mjs`. */
  readonly bytes: number;
  /** Size of the source map beside it (shipped too, but not loaded unless `--enable-source-maps`). */
  readonly sourceMapBytes: number;
  /** Bytes of the bundle that come from `@aws-sdk/*` and `@smithy/*` (esbuild metafile). */
  readonly awsSdkBytes: number;
  /** The largest contributors to `bytes`, by npm package (`(project)` = this repository's code). */
  readonly largestPackages: readonly { readonly name: string; readonly bytes: number }[];
  readonly importMs: Stats;
  readonly rssBytes: Stats;
}

/** One row of `results.json`: a route's function and its baseline. */
interface FunctionResult {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly handler: string;
  /** The `@aws-sdk/*` bindings the project's own source imports into this bundle (the baseline imports exactly these). */
  readonly awsSdkImports: Readonly<Record<string, readonly string[]>>;
  readonly bundle: BundleFigures;
  /** Shared between functions that import the same SDK bindings (`id`). */
  readonly baseline: BundleFigures & { readonly id: string };
  /** Function minus baseline: what the project's code and other dependencies add. */
  readonly overhead: { readonly bytes: number; readonly importMsMedian: number; readonly rssBytesMedian: number };
}

/** Parses `BENCH_RUNS`. @throws Error when it is not an integer from 1 to 1000. */
function parseRuns(value: string | undefined): number {
  if (value === undefined || value === '') return 7;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`BENCH_RUNS must be an integer from 1 to 1000, got "${value}"`);
  return n;
}

/** Median, nearest-rank p90, min and max of `values` (non-empty). */
function stats(values: readonly number[], decimals: number): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, i))] ?? Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  const round = (v: number): number => Number(v.toFixed(decimals));
  return {
    median: round(median),
    p90: round(at(Math.ceil(0.9 * sorted.length) - 1)),
    min: round(at(0)),
    max: round(at(sorted.length - 1)),
    samples: values.map(round),
  };
}

/**
 * esbuild JS API options equivalent to the CLI call the CDK `NodejsFunction` makes with `BUNDLING`
 * (aws-lambda-nodejs `Bundling.buildEsbuildArgs`): `--bundle --platform=node --target --format
 * --outfile=index.mjs --minify --sourcemap --banner:js --main-fields`, and `--external` only for
 * `externalModules` (none: the SDK is bundled). `metafile` only adds a report, not output bytes.
 */
function buildOptions(outdir: string): esbuild.BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: BUNDLING.target,
    format: BUNDLING.format,
    outfile: path.join(outdir, BUNDLING.format === 'esm' ? 'index.mjs' : 'index.js'),
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    banner: { js: BUNDLING.banner },
    mainFields: [...BUNDLING.mainFields],
    external: [...BUNDLING.externalModules],
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'warning',
  };
}

interface Built {
  readonly file: string;
  readonly metafile: esbuild.Metafile;
}

async function bundle(entry: string, outdir: string): Promise<Built> {
  const options = buildOptions(outdir);
  const result = await esbuild.build({ ...options, entryPoints: [entry] });
  return { file: options.outfile ?? '', metafile: result.metafile ?? { inputs: {}, outputs: {} } };
}

/**
 * The `@aws-sdk/*` bindings imported by the project's own files in a bundle (metafile inputs outside
 * `node_modules`), read from their import declarations. Type-only imports are left out (erased).
 * A namespace or dynamic import is recorded as `*`.
 */
async function awsSdkImports(metafile: esbuild.Metafile): Promise<Record<string, string[]>> {
  const found = new Map<string, Set<string>>();
  const add = (pkg: string, name: string): void => {
    const names = found.get(pkg) ?? new Set<string>();
    names.add(name);
    found.set(pkg, names);
  };
  for (const [input, info] of Object.entries(metafile.inputs)) {
    if (input.includes('node_modules/')) continue;
    if (!info.imports.some((i) => i.original?.startsWith('@aws-sdk/'))) continue;
    const text = await readFile(path.join(ROOT, input), 'utf8');
    const source = ts.createSourceFile(input, text, ts.ScriptTarget.Latest, false);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const pkg = node.moduleSpecifier.text;
        const clause = node.importClause;
        if (pkg.startsWith('@aws-sdk/') && clause && !clause.isTypeOnly) {
          if (clause.name) add(pkg, 'default');
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) add(pkg, '*');
          if (bindings && ts.isNamedImports(bindings)) {
            for (const el of bindings.elements) if (!el.isTypeOnly) add(pkg, (el.propertyName ?? el.name).text);
          }
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const pkg = node.moduleSpecifier.text;
        if (pkg.startsWith('@aws-sdk/') && !node.isTypeOnly) {
          const clause = node.exportClause;
          if (clause && ts.isNamedExports(clause)) {
            for (const el of clause.elements) if (!el.isTypeOnly) add(pkg, (el.propertyName ?? el.name).text);
          } else add(pkg, '*');
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteral(arg) && arg.text.startsWith('@aws-sdk/')) add(arg.text, '*');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries(
    [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([pkg, names]) => [pkg, [...names].sort()]),
  );
}

/**
 * Source of the baseline handler: imports exactly `imports` and keeps every binding alive (AWS SDK
 * packages declare `sideEffects: false`, so a bare import would be tree-shaken to nothing).
 */
function baselineSource(imports: Record<string, readonly string[]>): string {
  const lines: string[] = [];
  const keep: string[] = [];
  Object.entries(imports).forEach(([pkg, names], i) => {
    const named: string[] = [];
    for (const name of names) {
      const local = `m${i}_${keep.length}`;
      if (name === '*') lines.push(`import * as ${local} from ${JSON.stringify(pkg)};`);
      else if (name === 'default') lines.push(`import ${local} from ${JSON.stringify(pkg)};`);
      else {
        named.push(`${name} as ${local}`);
      }
      keep.push(local);
    }
    if (named.length) lines.push(`import { ${named.join(', ')} } from ${JSON.stringify(pkg)};`);
  });
  lines.push(`const used = [${keep.join(', ')}];`);
  lines.push('export const handler = async () => ({ statusCode: 200, body: String(used.length) });');
  return lines.join('\n') + '\n';
}

/** Bytes in the output per npm package (esbuild metafile), largest first. */
function bytesByPackage(metafile: esbuild.Metafile, file: string): [string, number][] {
  const output = metafile.outputs[path.relative(ROOT, file).split(path.sep).join('/')];
  if (!output) throw new Error(`esbuild metafile has no output ${file}`);
  const bytes = new Map<string, number>();
  for (const [input, info] of Object.entries(output.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? '(project)';
    bytes.set(name, (bytes.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...bytes.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * The child: a fresh `node` that imports the bundle once and prints the import time and RSS. In
 * `check` mode (the discarded warm-up run) sockets and DNS are blocked and counted, and the child
 * waits briefly so network calls started by module init but not awaited are caught as well.
 */
const CHILD = `
const [url, mode] = process.argv.slice(1);
const attempts = [];
if (mode === 'check') {
  const { default: net } = await import('node:net');
  const { default: dns } = await import('node:dns');
  net.Socket.prototype.connect = function (...args) {
    const o = Array.isArray(args[0]) ? args[0][0] : args[0];
    attempts.push('connect ' + String(o?.host ?? o?.path ?? o));
    process.nextTick(() => this.destroy(new Error('network blocked by bench')));
    return this;
  };
  dns.lookup = function (host, ...rest) {
    attempts.push('dns ' + host);
    const callback = rest.find((a) => typeof a === 'function');
    process.nextTick(() => callback?.(new Error('network blocked by bench')));
  };
}
const t0 = performance.now();
const mod = await import(url);
const ms = performance.now() - t0;
const rss = process.memoryUsage.rss();
if (mode === 'check') await new Promise((r) => setTimeout(r, 200));
process.stdout.write(JSON.stringify({ ms, rss, handler: typeof mod.handler, attempts }) + '\\n', () => process.exit(0));
`;

/**
 * The environment of the child: only dummies. Handler modules may read configuration at init, so
 * every variable the functions read is set; AWS endpoints point at a closed local port and instance
 * metadata is off, so nothing can leave the machine even if module init tried to call AWS.
 */
function childEnv(): NodeJS.ProcessEnv {
  const closed = 'http://127.0.0.1:9';
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}),
    TZ: 'UTC',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'BENCHDUMMY',
    AWS_SECRET_ACCESS_KEY: 'BENCHDUMMY',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: closed,
    AWS_ENDPOINT_URL_DYNAMODB: closed,
    AWS_ENDPOINT_URL_S3: closed,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: closed,
    AWS_ENDPOINT_URL_REKOGNITION: closed,
    TABLE_NAME: 'bench-table',
    PHOTO_BUCKET: 'bench-photos',
    SESSION_SIGNING_KEY: Buffer.alloc(32, 7).toString('base64'),
    ALLOWED_ORIGINS: 'https://bench.example',
    APP_VERSION: 'bench',
    FACE_COMPARE: 'disabled',
    SIMILARITY_THRESHOLD: '90',
    TICKET_PATTERN: '^[0-9]{12}$',
    POWERTOOLS_SERVICE_NAME: 'bench',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
}

interface Sample {
  readonly ms: number;
  readonly rss: number;
  readonly handler: string;
  readonly attempts: readonly string[];
}

/** Imports `file` in a fresh `node` process. @throws Error when the child fails or reports no `handler`. */
function importOnce(file: string, mode: 'check' | 'time'): Promise<Sample> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD, pathToFileURL(file).href, mode],
      { env: childEnv(), timeout: CHILD_TIMEOUT_MS, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error)
          return reject(new Error(`importing ${file} failed (exit ${error.code ?? error.signal}):\n${stderr}`));
        const sample = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Sample;
        if (sample.handler !== 'function') return reject(new Error(`${file} exports no handler function`));
        if (sample.attempts.length)
          return reject(new Error(`importing ${file} tried the network: ${sample.attempts.join(', ')}`));
        resolve(sample);
      },
    );
  });
}

interface Target {
  readonly file: string;
  readonly metafile: esbuild.Metafile;
  readonly ms: number[];
  readonly rss: number[];
}

async function figures(t: Target): Promise<BundleFigures> {
  const [code, map] = await Promise.all([stat(t.file), stat(`${t.file}.map`)]);
  const packages = bytesByPackage(t.metafile, t.file);
  return {
    file: path.relative(ROOT, t.file),
    bytes: code.size,
    sourceMapBytes: map.size,
    awsSdkBytes: packages.filter(([name]) => /^@(aws-sdk|smithy)\//.test(name)).reduce((sum, [, b]) => sum + b, 0),
    largestPackages: packages.slice(0, 5).map(([name, bytes]) => ({ name, bytes })),
    importMs: stats(t.ms, 2),
    rssBytes: stats(t.rss, 0),
  };
}

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

function printTable(rows: readonly FunctionResult[]): void {
  const header = ['function', 'KB', 'base KB', 'import ms med', 'p90', 'base ms', '+ms', 'RSS MB', 'base MB'];
  const body = rows.map((r) => [
    r.operationId,
    kb(r.bundle.bytes),
    kb(r.baseline.bytes),
    r.bundle.importMs.median.toFixed(1),
    r.bundle.importMs.p90.toFixed(1),
    r.baseline.importMs.median.toFixed(1),
    r.overhead.importMsMedian.toFixed(1),
    (r.bundle.rssBytes.median / 2 ** 20).toFixed(1),
    (r.baseline.rssBytes.median / 2 ** 20).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of body) console.log(line(row));
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  await rm(TMP, { recursive: true, force: true });
  await mkdir(TMP, { recursive: true });

  // 1. Bundle every function, then one baseline per distinct set of SDK imports.
  const routes: readonly RouteDefinition[] = routeList;
  // A few builds at a time: esbuild parallelises each build itself, and 50 at once only add memory.
  const functions = await mapLimit(routes, Math.max(2, os.cpus().length), async (route) => {
    const entry = path.join(ROOT, 'functions', 'handlers', `${route.handler}.ts`);
    if (!existsSync(entry))
      throw new Error(`${route.operationId}: handler file ${path.relative(ROOT, entry)} does not exist`);
    const built = await bundle(entry, path.join(TMP, 'functions', route.operationId));
    return { route, built, imports: await awsSdkImports(built.metafile) };
  });
  const baselineIds = new Map<string, string>();
  const baselines = new Map<string, Built>();
  for (const f of functions) {
    const source = baselineSource(f.imports);
    const id = createHash('sha256').update(source).digest('hex').slice(0, 10);
    baselineIds.set(f.route.operationId, id);
    if (baselines.has(id)) continue;
    const dir = path.join(TMP, 'baselines', id);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'entry.mjs'), source);
    baselines.set(id, await bundle(path.join(dir, 'entry.mjs'), dir));
  }
  const bundledMs = performance.now() - started;

  // 2. Import every bundle in fresh processes. Rounds interleave the targets, so a noisy moment on a
  //    shared machine spreads over all of them instead of skewing one. Run 0 is a discarded warm-up
  //    (page cache) that also checks for network calls.
  const targets = new Map<string, Target>();
  for (const f of functions) targets.set(`fn:${f.route.operationId}`, { ...f.built, ms: [], rss: [] });
  for (const [id, b] of baselines) targets.set(`base:${id}`, { ...b, ms: [], rss: [] });
  for (let run = 0; run <= RUNS; run += 1) {
    for (const t of targets.values()) {
      const sample = await importOnce(t.file, run === 0 ? 'check' : 'time');
      if (run === 0) continue;
      t.ms.push(sample.ms);
      t.rss.push(sample.rss);
    }
  }
  const measuredMs = performance.now() - started - bundledMs;

  // 3. Report.
  const rows: FunctionResult[] = [];
  for (const f of functions) {
    const id = baselineIds.get(f.route.operationId) ?? '';
    const fn = targets.get(`fn:${f.route.operationId}`);
    const base = targets.get(`base:${id}`);
    if (!fn || !base) throw new Error(`missing measurements for ${f.route.operationId}`);
    const bundleFigures = await figures(fn);
    const baseFigures = await figures(base);
    rows.push({
      operationId: f.route.operationId,
      method: f.route.method,
      path: f.route.path,
      handler: f.route.handler,
      awsSdkImports: f.imports,
      bundle: bundleFigures,
      baseline: { id, ...baseFigures },
      overhead: {
        bytes: bundleFigures.bytes - baseFigures.bytes,
        importMsMedian: Number((bundleFigures.importMs.median - baseFigures.importMs.median).toFixed(2)),
        rssBytesMedian: bundleFigures.rssBytes.median - baseFigures.rssBytes.median,
      },
    });
  }
  const cpus = os.cpus();
  const processes = targets.size * (RUNS + 1);
  const results = {
    date: new Date().toISOString(),
    note:
      'Measured on a shared, noisy machine (other jobs run beside it): compare a function with its baseline from the same run, ' +
      'not absolute milliseconds across runs or machines. Local Node, not the Lambda runtime (nodejs22.x, arm64).',
    environment: {
      node: process.version,
      esbuild: esbuild.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      loadAverage1mBefore: Number((loadBefore[0] ?? 0).toFixed(2)),
      loadAverage1mAfter: Number((os.loadavg()[0] ?? 0).toFixed(2)),
    },
    method: {
      runs: RUNS,
      warmupRuns: 1,
      nodeOptions: NODE_OPTIONS,
      timing:
        'fresh `node` per run: performance.now() around `await import(bundle)`; RSS = process.memoryUsage.rss() right after',
      p90: 'nearest rank',
      bundling:
        'esbuild JS API with lib/bundling.ts BUNDLING, as the CDK NodejsFunction runs it (bundle, platform node)',
      baseline:
        'a handler importing the same @aws-sdk/* bindings as the project code in the bundle, nothing else, bundled the same way',
      durationSeconds: {
        bundling: Number((bundledMs / 1000).toFixed(1)),
        importing: Number((measuredMs / 1000).toFixed(1)),
        processes,
      },
    },
    functions: rows,
  };
  await writeFile(RESULTS, JSON.stringify(results, null, 2) + '\n');

  printTable(rows);
  console.log(
    `\n${rows.length} functions, ${baselines.size} baselines, ${RUNS} runs (+1 warm-up) each; ` +
      `bundling ${(bundledMs / 1000).toFixed(1)} s, ${processes} imports ${(measuredMs / 1000).toFixed(1)} s ` +
      `(${(measuredMs / processes).toFixed(0)} ms each). Node ${process.version}, ${cpus.length} × ${results.environment.cpuModel}. ` +
      `Shared machine: noisy. Wrote ${path.relative(ROOT, RESULTS)}.`,
  );
}

await main();
