import type { ErrorCode, FieldIssue } from '@komek/domain';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  forbidden: 403,
  totp_enrolment_required: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  idempotency_mismatch: 422,
  idempotency_key_format: 400,
  database_unavailable: 503,
  not_ready: 503,
  password_too_weak: 400,
  nul_character: 400,
  assignee_not_allowed: 400,
};

/** The one error type services throw; the error handler turns it into `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { issues?: FieldIssue[]; [k: string]: unknown },
  ) {
    super(code);
    this.statusCode = STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const versionConflict = (current?: number) =>
  new AppError('version_conflict', current === undefined ? undefined : { currentVersion: current });

/** A body field's issue raised by a service; its words are chosen by code in the caller's language. */
export const fieldIssue = (path: string, code: string, message = ''): FieldIssue => ({
  path,
  in: 'body',
  code,
  message,
});

/** An error and the causes it wraps (Drizzle wraps the driver's error), outermost first. */
export function* causesOf(error: unknown, depth = 4): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let i = 0; current && i < depth; i++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

/** The database driver's own error inside a wrapper: the first cause that carries a SQLSTATE. */
export function driverError(error: unknown): Record<string, unknown> | undefined {
  for (const e of causesOf(error)) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return undefined;
}
