CREATE TABLE "border_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"precision" text NOT NULL,
	"segment" text NOT NULL,
	"type" text NOT NULL,
	"district_id" text,
	"community" text,
	"latitude" double precision,
	"longitude" double precision,
	"parties" text[] NOT NULL,
	"affected" jsonb NOT NULL,
	"sources_enc" text NOT NULL,
	"description_enc" text NOT NULL,
	"casualties" boolean NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_cases" (
	"incident_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "incident_cases_incident_id_case_id_pk" PRIMARY KEY("incident_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "incident_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next" integer NOT NULL,
	CONSTRAINT "incident_counters_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note_enc" text,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_warning_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"segment" text,
	"type" text,
	"casualties" boolean DEFAULT false NOT NULL,
	"min_count" integer NOT NULL,
	"within_days" integer NOT NULL,
	"recipients" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "border_incidents" ADD CONSTRAINT "border_incidents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_cases" ADD CONSTRAINT "incident_cases_incident_id_border_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."border_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_cases" ADD CONSTRAINT "incident_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_border_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."border_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_warning_rules" ADD CONSTRAINT "incident_warning_rules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "border_incidents_org_time_idx" ON "border_incidents" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "border_incidents_org_segment_idx" ON "border_incidents" USING btree ("org_id","segment","occurred_at");