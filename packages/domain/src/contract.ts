import type { z } from 'zod';
import type { Permission } from './permissions.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an endpoint: one permission of the policy table, any signed-in user, or anyone. */
export type RouteAccess =
  | { permission: Permission; allowMfaPending?: boolean }
  | { authenticated: true; allowMfaPending?: boolean }
  | { public: true };

type Schema = z.ZodType;

/**
 * One endpoint, declared once: the server registers its route from it and the web derives its
 * client from it, so a field renamed here is a compile error on both sides.
 */
export interface Contract {
  method: HttpMethod;
  /** Under `/api`, with `:name` segments that `params` describes. */
  path: string;
  tags: readonly string[];
  access: RouteAccess;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The success status; 200 unless said. 204 answers carry no body. */
  status?: 200 | 201 | 202 | 204;
  /** The success body. Absent for answers that are files (CSV, XLSX, PDF, ICS, attachments). */
  response?: Schema;
  /** For uploads carried as base64 in JSON: the largest body accepted. */
  maxBodyBytes?: number;
  /** The audit action the route writes on success; `audit()` in the handler defaults to it. */
  audit?: string;
  /**
   * false for the few routes whose work must persist even when they answer with an error
   * (sign-in counts failed attempts) or that hold no data (health).
   */
  unitOfWork?: false;
}

/** Keeps the literal types of a contract (its schemas, its access) while checking its shape. */
export function contract<const C extends Contract>(definition: C): C {
  return definition;
}

type Part<C, K extends string, Mode extends 'in' | 'out'> = C extends { [P in K]: infer S extends Schema }
  ? Mode extends 'in'
    ? z.input<S>
    : z.output<S>
  : undefined;

/** What the server's handler receives, parsed (defaults applied, strings coerced). */
export type ParsedParams<C> = Part<C, 'params', 'out'>;
export type ParsedQuery<C> = Part<C, 'query', 'out'>;
export type ParsedBody<C> = Part<C, 'body', 'out'>;

/** What a caller sends, before the server applies defaults. */
export type ParamsOf<C> = Part<C, 'params', 'in'>;
export type QueryOf<C> = Part<C, 'query', 'in'>;
export type BodyOf<C> = Part<C, 'body', 'in'>;

/** The success body as it arrives (JSON of the schema's output). */
export type ResponseOf<C> = Part<C, 'response', 'out'>;
/** What a handler returns for it to be serialised. */
export type ReplyOf<C> = Part<C, 'response', 'in'>;

/** A contract that answers with JSON, for queries and mutations; files are fetched by URL. */
export type JsonContract = Contract & { response: Schema };

/** A request to an endpoint: only the parts its contract declares, each required when it is. */
export type CallInput<C> = (ParamsOf<C> extends undefined
  ? { params?: undefined }
  : { params: ParamsOf<C> }) &
  (QueryOf<C> extends undefined ? { query?: undefined } : { query?: QueryOf<C> }) &
  (BodyOf<C> extends undefined ? { body?: undefined } : { body: BodyOf<C> });

/** `/cases/:id` with `{ id }` → `/cases/0190…`; each value URI-encoded. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string for a contract's query values; undefined and empty values are left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
