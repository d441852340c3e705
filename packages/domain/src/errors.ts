export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  'invalid_credentials',
  'account_locked',
  'totp_required',
  'totp_invalid',
  'totp_enrolment_required',
  'csrf_failed',
  'rate_limited',
  'internal',
  'idempotency_mismatch',
  'idempotency_key_format',
  'database_unavailable',
  'not_ready',
  'password_too_weak',
  'nul_character',
  'assignee_not_allowed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path inside the part, e.g. `address.districtId`. */
  path: string;
  /** Which part of the request: body, querystring or params. */
  in: string;
  message: string;
  code: string;
  /** Values the server words into the message (a line number, a limit); not sent on. */
  params?: Record<string, unknown>;
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: { issues?: FieldIssue[]; [k: string]: unknown } };
}
