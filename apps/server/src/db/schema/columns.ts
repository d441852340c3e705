import { customType, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The bookkeeping columns every owned table carries (docs/architecture.md, "Data"). */
export const tracked = () => ({
  createdAt: at('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

export const timestamptz = at;

/** Per-organisation, per-year numbering (case numbers, referral and request references). */
export const yearlyCounter = (name: string) =>
  pgTable(
    name,
    {
      orgId: uuid('org_id').notNull(),
      year: integer('year').notNull(),
      next: integer('next').notNull(),
    },
    (t) => [primaryKey({ columns: [t.orgId, t.year] })],
  );
export type YearlyCounter = ReturnType<typeof yearlyCounter>;

/** Binary content (generated reports, sealed files), as Buffers. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
