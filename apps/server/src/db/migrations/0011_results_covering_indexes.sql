DROP INDEX "cases_org_closed_idx";--> statement-breakpoint
DROP INDEX "interventions_org_date_idx";--> statement-breakpoint
CREATE INDEX "cases_org_closed_idx" ON "cases" USING btree ("org_id","closed_at","id","outcome") WHERE status = 'closed';--> statement-breakpoint
CREATE INDEX "interventions_org_date_idx" ON "interventions" USING btree ("org_id","date","case_id");