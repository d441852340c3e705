import { z } from 'zod';

export const zHealth = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  jobs: z.boolean(),
});

export const zCalendarFeed = z.object({ url: z.string() });
export const zCalendarFileParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) });
