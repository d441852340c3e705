import { type FieldIssue, issueWords, type Locale, type ZodIssueLike } from '@komek/domain';
import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType, z } from 'zod';
import { issueMessage } from './issue-messages.ts';
import { errorMessage } from './messages.ts';

const NUL_ISSUE = 'komek:nul_character';

/** Raised by the validator; carries Zod's issues with their inputs so messages can be localised per request. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('validation failed');
  }
}

/** The first string holding a NUL byte, by path: PostgreSQL cannot store one in text. */
function pathOfNul(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = pathOfNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const nulAt = pathOfNul(data);
    if (nulAt) {
      const issue = { code: 'custom', path: nulAt, message: NUL_ISSUE, input: undefined } as z.core.$ZodIssue;
      return { error: new RequestValidationError([issue], httpPart ?? 'body') };
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };

export function localiseIssues(error: RequestValidationError, locale: Locale): FieldIssue[] {
  return error.issues.map((issue) => {
    // The shared schemas' own rules (dates within their limits) carry a code to word here.
    const coded = (issue as { params?: { code?: unknown } }).params?.code;
    if (issue.code === 'custom' && typeof coded === 'string') {
      return {
        path: issue.path.map(String).join('.'),
        in: error.part,
        message: issueMessage(coded, locale),
        code: coded,
      };
    }
    if (issue.message === NUL_ISSUE) {
      const path = issue.path.map(String).join('.');
      return { path, in: error.part, message: errorMessage('nul_character', locale), code: 'nul_character' };
    }
    // The same words the web's forms show for the same rule (domain `issueWords`).
    const message = issueWords(issue as ZodIssueLike, locale);
    return { path: issue.path.map(String).join('.'), in: error.part, message, code: issue.code };
  });
}
