CREATE TABLE "border_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"implementer" text NOT NULL,
	"implementer_kind" text NOT NULL,
	"sector" text NOT NULL,
	"description" text,
	"district_id" text NOT NULL,
	"community" text,
	"segment" text,
	"latitude" double precision,
	"longitude" double precision,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"budget" numeric(16, 2),
	"currency" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"sentiment" text NOT NULL,
	"topic" text NOT NULL,
	"verbatim_enc" text NOT NULL,
	"sex" text NOT NULL,
	"age" text NOT NULL,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "border_projects" ADD CONSTRAINT "border_projects_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_feedback" ADD CONSTRAINT "project_feedback_project_id_border_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."border_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_feedback" ADD CONSTRAINT "project_feedback_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "border_projects_org_district_idx" ON "border_projects" USING btree ("org_id","district_id");--> statement-breakpoint
CREATE INDEX "project_feedback_project_idx" ON "project_feedback" USING btree ("project_id","received_on");