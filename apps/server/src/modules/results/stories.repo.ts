import type { StoryStatus } from '@komek/domain';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import {
  casePersons,
  cases,
  consents,
  personDocuments,
  persons,
  successStories,
  users,
} from '../../db/schema/index.ts';

export type StoryRow = typeof successStories.$inferSelect;

/** The people of a case, their documents, and who of them agreed to a story being published. */
export async function peopleOfCase(db: Db, caseId: string) {
  const people = (
    await db
      .select({ person: persons })
      .from(casePersons)
      .innerJoin(persons, eq(persons.id, casePersons.personId))
      .where(eq(casePersons.caseId, caseId))
  ).map((p) => p.person);
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return { people, documents: [], consenting: new Set<string>() };
  const documents = await db.select().from(personDocuments).where(inArray(personDocuments.personId, ids));
  const consent = await db
    .select({ personId: consents.personId })
    .from(consents)
    .where(
      and(
        inArray(consents.personId, ids),
        eq(consents.purpose, 'story_publication'),
        isNull(consents.withdrawnAt),
      ),
    );
  return { people, documents, consenting: new Set(consent.map((c) => c.personId)) };
}

export async function caseNumberOf(db: Db, caseId: string): Promise<string> {
  const [c] = await db.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, caseId));
  return c?.caseNumber ?? '';
}

export async function userName(db: Db, userId: string): Promise<string | null> {
  const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

export async function insertStory(db: Db, values: typeof successStories.$inferInsert): Promise<StoryRow> {
  const [row] = await db.insert(successStories).values(values).returning();
  return row!;
}

export const storiesOf = (db: Db, orgId: string, status?: StoryStatus, onlyApproved = false) =>
  db
    .select()
    .from(successStories)
    .where(
      and(
        eq(successStories.orgId, orgId),
        status ? eq(successStories.status, status) : undefined,
        onlyApproved ? eq(successStories.status, 'approved') : undefined,
      ),
    )
    .orderBy(desc(successStories.createdAt))
    .limit(200);

export async function findStory(db: Db, id: string): Promise<StoryRow | undefined> {
  const [row] = await db.select().from(successStories).where(eq(successStories.id, id));
  return row;
}

/** Saves only over the version the caller saw; undefined when someone saved first. */
export async function updateStoryVersioned(db: Db, id: string, version: number, values: Partial<StoryRow>) {
  const [row] = await db
    .update(successStories)
    .set(values)
    .where(and(eq(successStories.id, id), eq(successStories.version, version)))
    .returning();
  return row;
}
