/**
 * Configuration read from `process.env` and validated at cold start: a missing or malformed variable
 * fails the function's init with a clear message, not the tenth request. Each adapter declares only
 * the variables it needs, so a function gets exactly the environment its grants imply.
 */
import { z } from 'zod';

/**
 * Parses `env` with `schema` and returns the typed result.
 * @throws Error naming every missing or invalid variable (never their values).
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

/** Lazily evaluated configuration: parsed on first use, then cached for the life of the process. */
export function lazyConfig<S extends z.ZodType>(schema: S): () => z.infer<S> {
  let cached: z.infer<S> | undefined;
  return () => (cached ??= loadConfig(schema));
}
