ALTER TABLE "cases" ADD COLUMN "person_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_person_keys_idx" ON "cases" USING gin ("person_keys");