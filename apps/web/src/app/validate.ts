import type { z } from 'zod';
import i18n from '../i18n/index.ts';

/** Checks form values with the same schema the API uses; returns messages keyed by field path. */
export function validateWith<T extends z.ZodType>(
  schema: T,
  values: unknown,
): { data: z.infer<T>; errors: null } | { data: null; errors: Record<string, string> } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    // Rules of the shared schemas carry a code; the words are the interface language's.
    const code = (issue as { params?: { code?: unknown } }).params?.code;
    const message =
      typeof code === 'string' && i18n.exists(`issues.${code}`) ? i18n.t(`issues.${code}`) : issue.message;
    errors[issue.path.join('.')] ??= message;
  }
  return { data: null, errors };
}
