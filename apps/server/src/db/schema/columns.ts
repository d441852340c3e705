import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
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
