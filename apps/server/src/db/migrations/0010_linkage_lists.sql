CREATE TABLE "linkage_list_rows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"list_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"external_id" text NOT NULL,
	"record_enc" text NOT NULL,
	"decision" text,
	"person_id" uuid,
	"score" real,
	"follow_up_assignee" uuid,
	"follow_up_due" date,
	"follow_up_done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "linkage_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filename" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total" integer NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"review" integer DEFAULT 0 NOT NULL,
	"unmatched" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "linkage_list_rows" ADD CONSTRAINT "linkage_list_rows_list_id_linkage_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."linkage_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "linkage_list_rows_list_idx" ON "linkage_list_rows" USING btree ("list_id","position");