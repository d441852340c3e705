ALTER TABLE "linkage_list_rows" ADD COLUMN "findings" jsonb;--> statement-breakpoint
ALTER TABLE "linkage_list_rows" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "linkage_list_rows" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "linkage_list_rows" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "linkage_list_rows" ADD CONSTRAINT "linkage_list_rows_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "linkage_list_rows_verdicts_idx" ON "linkage_list_rows" USING btree ("org_id","reviewed_at");