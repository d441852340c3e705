CREATE TABLE "checkpoint_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"since" date NOT NULL,
	"note" text,
	"notice_id" uuid,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoint_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"team" text[] NOT NULL,
	"met" text[] NOT NULL,
	"findings" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"notes_enc" text NOT NULL,
	"summary_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"segment" text,
	"kind" text NOT NULL,
	"district_id" text,
	"latitude" double precision,
	"longitude" double precision,
	"status" text DEFAULT 'open' NOT NULL,
	"status_since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"labels" jsonb NOT NULL,
	"concern" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_cases" (
	"visit_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "visit_cases_visit_id_case_id_pk" PRIMARY KEY("visit_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "checkpoint_events" ADD CONSTRAINT "checkpoint_events_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_events" ADD CONSTRAINT "checkpoint_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_visits" ADD CONSTRAINT "checkpoint_visits_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_visits" ADD CONSTRAINT "checkpoint_visits_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_questions" ADD CONSTRAINT "monitoring_questions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_cases" ADD CONSTRAINT "visit_cases_visit_id_checkpoint_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."checkpoint_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_cases" ADD CONSTRAINT "visit_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkpoint_visits_org_day_idx" ON "checkpoint_visits" USING btree ("org_id","visited_on");--> statement-breakpoint
CREATE INDEX "checkpoint_visits_checkpoint_idx" ON "checkpoint_visits" USING btree ("checkpoint_id","visited_on");--> statement-breakpoint
CREATE INDEX "checkpoints_org_idx" ON "checkpoints" USING btree ("org_id","country_code");