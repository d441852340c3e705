import { z } from 'zod';

export const zId = z.uuid();
export const zVersion = z.int().min(1);

export const zPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const zIdParams = z.object({ id: zId });

/**
 * The id a client may choose for a record it creates (a phone offline makes a UUIDv7 before it
 * can reach the server); the server makes one when it is absent. Reusing an existing id is a 409.
 */
export const zClientId = z.uuid().optional();

/** A page of results; `totalCapped` says the total stopped counting at its cap ("10,000+"). */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.int(), totalCapped: z.boolean().optional() });
}
