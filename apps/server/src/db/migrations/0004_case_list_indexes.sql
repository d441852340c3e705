ALTER TABLE "cases" ADD COLUMN "person_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_org_opened_idx" ON "cases" USING btree ("org_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_population_idx" ON "cases" USING btree ("org_id","population_type","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_status_priority_idx" ON "cases" USING btree ("org_id","status","priority_rank","opened_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_person_keys_idx" ON "cases" USING gin ("person_keys");