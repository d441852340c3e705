import { z } from 'zod';

export const zHealth = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  jobs: z.boolean(),
});
export const zLive = z.object({ status: z.literal('ok'), uptimeSeconds: z.int() });
export const zReady = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  /** The newest migration the database has, which is this code's newest. */
  migration: z.string(),
});

export const zCalendarFeed = z.object({ url: z.string() });
export const zCalendarFileParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) });
