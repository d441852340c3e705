import { z } from 'zod';

export const zId = z.uuid();
export const zVersion = z.int().min(1);

export const zPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const zIdParams = z.object({ id: zId });

/** A phone number as people write it: digits, spaces, brackets and hyphens, a leading plus. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{5,20}$/;
export const zPhone = z.string().trim().regex(PHONE_PATTERN);

/**
 * The id a client may choose for a record it creates (a phone offline makes a UUIDv7 before it
 * can reach the server); the server makes one when it is absent. Reusing an existing id is a 409.
 */
export const zClientId = z.uuid().optional();

/** A page of results; `totalCapped` says the total stopped counting at its cap ("10,000+"). */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.int(), totalCapped: z.boolean().optional() });
}

/** Today's calendar day in UTC, plus or minus days. A day of slack absorbs the region's UTC+5/+6. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const EARLIEST = '2000-01-01';

/**
 * Dates the platform records, each with its limit (issue: "rules that let nonsense in"). Issues
 * carry a code (`params.code`) that each interface words in its language.
 */
export const zPastDate = z.iso
  .date()
  .refine((d) => d <= dayFromToday(1), { params: { code: 'date_in_future' } })
  .refine((d) => d >= EARLIEST, { params: { code: 'date_too_early' } });
/** Something to happen: not before yesterday, at most five years ahead. */
export const zComingDate = z.iso
  .date()
  .refine((d) => d >= dayFromToday(-1), { params: { code: 'date_in_past' } })
  .refine((d) => d <= dayFromToday(5 * 366), { params: { code: 'date_too_far' } });
/** A due date: one written down late is accepted (not before 2000), at most five years ahead. */
export const zDueDate = z.iso
  .date()
  .refine((d) => d >= EARLIEST, { params: { code: 'date_too_early' } })
  .refine((d) => d <= dayFromToday(5 * 366), { params: { code: 'date_too_far' } });

/** A whole list that is never paged (offices, criteria, templates). */
export const zItems = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
