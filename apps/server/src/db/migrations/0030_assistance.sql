CREATE TABLE "assistance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"office_id" uuid,
	"reference" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"kind" text NOT NULL,
	"purpose" text NOT NULL,
	"amount" double precision,
	"currency" text,
	"instalments" integer NOT NULL,
	"items" text,
	"budget_line_id" uuid,
	"reason_enc" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next" integer NOT NULL,
	CONSTRAINT "assistance_counters_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "assistance_distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assistance_id" uuid NOT NULL,
	"instalment" integer NOT NULL,
	"on" date NOT NULL,
	"amount" double precision,
	"note" text,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_monitoring" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assistance_id" uuid NOT NULL,
	"on" date NOT NULL,
	"received" text NOT NULL,
	"used_for" text[] NOT NULL,
	"note_enc" text,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_thresholds" (
	"org_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount" double precision NOT NULL,
	CONSTRAINT "assistance_thresholds_org_id_currency_pk" PRIMARY KEY("org_id","currency")
);
--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_distributions" ADD CONSTRAINT "assistance_distributions_assistance_id_assistance_id_fk" FOREIGN KEY ("assistance_id") REFERENCES "public"."assistance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_distributions" ADD CONSTRAINT "assistance_distributions_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_monitoring" ADD CONSTRAINT "assistance_monitoring_assistance_id_assistance_id_fk" FOREIGN KEY ("assistance_id") REFERENCES "public"."assistance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_monitoring" ADD CONSTRAINT "assistance_monitoring_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_thresholds" ADD CONSTRAINT "assistance_thresholds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_org_status_idx" ON "assistance" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "assistance_person_idx" ON "assistance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "assistance_household_idx" ON "assistance" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assistance_distributions_uq" ON "assistance_distributions" USING btree ("assistance_id","instalment");