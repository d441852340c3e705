import { driverError } from './errors.ts';

/**
 * What the error log may say about a failure. Database errors carry the statement's parameters
 * (names, phone numbers) in their message and fields, and PostgreSQL quotes the offending value
 * in some messages; none of that is written. What is kept is enough to find the fault: the error's
 * type, SQLSTATE, constraint and routine, and the stack without its first line.
 */
type Redacted = { type: string; message: string; stack: string; [key: string]: unknown };

export function redactError(error: unknown): Redacted {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const database = databaseFields(error);
  // Only the frames: the message, which may run over several lines, is not repeated here.
  const stack = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  if (database) return { type: error.constructor.name, message: 'database error', ...database, stack };
  return {
    type: error.constructor.name,
    message: error.message,
    code: (error as { code?: unknown }).code,
    stack,
  };
}

function databaseFields(error: Error): Record<string, unknown> | undefined {
  const driver = driverError(error);
  if (driver) {
    return {
      sqlstate: driver.code,
      constraint: driver.constraint,
      routine: driver.routine,
      severity: driver.severity,
    };
  }
  // Drizzle's wrapper names the statement and its parameters in its message.
  if (/^Failed query:/.test(error.message)) return { sqlstate: null };
  return undefined;
}

/** Fastify's logger options with the redacting serializer and no request bodies or headers. */
export const redactingSerializers = {
  err: redactError,
  req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
    method: req.method,
    // The route pattern, not the URL: query strings carry search terms.
    route: req.routeOptions?.url,
    id: req.id,
  }),
};
