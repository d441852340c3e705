import {
  type ApiErrorBody,
  type CallInput,
  type Contract,
  type FieldIssue,
  fillPath,
  queryString,
  type ResponseOf,
} from '@komek/domain';
import i18n from '../i18n/index.ts';

/** An error answer from the API, with the server's message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** The address of an endpoint, for links and downloads (files are opened, not fetched as JSON). */
export function urlOf<C extends Contract>(contract: C, input: CallInput<C>): string {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return `/api${fillPath(contract.path, params)}${queryString(query)}`;
}

export interface CallOptions {
  /** Sent as `Idempotency-Key`: a retried write is answered with the first answer, never done twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** When the change was written, for one sent later from the outbox (kept in its audit entry). */
  writtenAt?: string;
  /** Shown the answer's headers (the device's sync reads the server's clock from `Date`). */
  headers?: (headers: Headers) => void;
}

/** Answers that are kept on the device for reading offline: JSON reads, not sign-in or files. */
const KEEP = (contract: Contract) => contract.method === 'GET' && !contract.path.startsWith('/auth/');

/** No answer at all: the network is down or the server is out of reach. */
export const isOffline = (error: unknown) => error instanceof ApiError && error.status === 0;

function offlineError(key: 'noNetwork' | 'notOnDevice') {
  return new ApiError(0, 'offline', i18n.t(`offline.${key}`));
}

/** Calls one endpoint as its contract declares it; the answer is typed by the contract's response. */
export async function call<C extends Contract>(
  contract: C,
  input: CallInput<C>,
  options: CallOptions = {},
): Promise<ResponseOf<C>> {
  const { body } = input as { body?: unknown };
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (contract.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.writtenAt) headers['x-written-at'] = options.writtenAt;
  const url = urlOf(contract, input);
  let res: Response;
  try {
    res = await fetch(url, {
      method: contract.method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (!KEEP(contract)) throw offlineError('noNetwork');
    const kept = await import('../offline/answers.ts')
      .then((a) => a.recall<ResponseOf<C>>(url))
      .catch(() => undefined);
    if (kept === undefined) throw offlineError('notOnDevice');
    return kept;
  }
  options.headers?.(res.headers);
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const err = (json as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'internal',
      err?.message ?? res.statusText,
      err?.details?.issues ?? [],
      err?.details ?? {},
    );
  }
  if (KEEP(contract) && res.headers.get('content-type')?.includes('json')) {
    import('../offline/answers.ts').then((a) => a.remember(url, json)).catch(() => {});
  }
  // The server serialised this through the same schema; checking it again would only cost time.
  return json as ResponseOf<C>;
}

/** Field errors keyed by path, for forms. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
}

/** An error that names no field of the form, so it must be shown above it rather than beside a field. */
export const unplacedError = (error: unknown) =>
  error && Object.keys(fieldErrors(error)).length === 0 ? error : null;
