import { codedIssueWords, type ERROR_CODES, type Locale } from '@komek/domain';
import { errorMessage } from './messages.ts';

type ErrorCode = (typeof ERROR_CODES)[number];

/** The words for a field issue: its own catalogue entry, else the error code's message, else the generic one. */
export function issueMessage(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const coded = codedIssueWords(code, locale, params);
  if (coded) return coded;
  const known = errorMessage(code as ErrorCode, locale) as string | undefined;
  return known ?? errorMessage('validation_failed', locale);
}
