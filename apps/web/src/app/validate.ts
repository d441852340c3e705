import { isLocale, issueWords, type Locale, type ZodIssueLike } from '@komek/domain';
import { z } from 'zod';
import i18n from '../i18n/index.ts';

export const interfaceLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

// Every check of every shared schema, wherever it runs in the browser, is worded from the same
// catalogue the server answers with, in the language the interface is in at that moment.
z.config({ customError: (issue) => issueWords(issue as ZodIssueLike, interfaceLocale()) });

/** Checks form values with the same schema the API uses; returns messages keyed by field path. */
export function validateWith<T extends z.ZodType>(
  schema: T,
  values: unknown,
): { data: z.output<T>; errors: null } | { data: null; errors: Record<string, string> } {
  const result = schema.safeParse(values, { reportInput: true });
  if (result.success) return { data: result.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    // Worded again here: a schema's own English message must not reach the screen.
    errors[issue.path.join('.')] ??= issueWords(issue as ZodIssueLike, interfaceLocale());
  }
  return { data: null, errors };
}
