CREATE TABLE "person_stats" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"district_id" text,
	"population_type" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" integer,
	"has_disability" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "person_stats_org_idx" ON "person_stats" USING btree ("org_id");