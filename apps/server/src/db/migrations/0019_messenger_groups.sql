CREATE TABLE "messenger_authors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"author_key" text NOT NULL,
	"name_enc" text NOT NULL,
	"role" text DEFAULT 'public' NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messenger_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"office_id" uuid,
	"keeper_id" uuid,
	"name" text NOT NULL,
	"platform" text NOT NULL,
	"district_id" text NOT NULL,
	"keep_exports" boolean DEFAULT false NOT NULL,
	"last_import_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messenger_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"format" text NOT NULL,
	"total" integer NOT NULL,
	"added" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"file_id" uuid,
	"file_key_id" text,
	"filename_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "messenger_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"import_id" uuid,
	"fingerprint" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid,
	"text_enc" text NOT NULL,
	"original_enc" text,
	"looks_like_question" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"intake_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messenger_authors" ADD CONSTRAINT "messenger_authors_group_id_messenger_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."messenger_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_authors" ADD CONSTRAINT "messenger_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_groups" ADD CONSTRAINT "messenger_groups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_groups" ADD CONSTRAINT "messenger_groups_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_groups" ADD CONSTRAINT "messenger_groups_keeper_id_users_id_fk" FOREIGN KEY ("keeper_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_imports" ADD CONSTRAINT "messenger_imports_group_id_messenger_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."messenger_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_messages" ADD CONSTRAINT "messenger_messages_group_id_messenger_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."messenger_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_messages" ADD CONSTRAINT "messenger_messages_import_id_messenger_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."messenger_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_messages" ADD CONSTRAINT "messenger_messages_author_id_messenger_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."messenger_authors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_messages" ADD CONSTRAINT "messenger_messages_intake_id_intake_items_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intake_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "messenger_authors_key_uq" ON "messenger_authors" USING btree ("group_id","author_key");--> statement-breakpoint
CREATE INDEX "messenger_groups_org_idx" ON "messenger_groups" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messenger_messages_fingerprint_uq" ON "messenger_messages" USING btree ("group_id","fingerprint");--> statement-breakpoint
CREATE INDEX "messenger_messages_group_idx" ON "messenger_messages" USING btree ("group_id","sent_at");--> statement-breakpoint
CREATE INDEX "messenger_messages_org_status_idx" ON "messenger_messages" USING btree ("org_id","status","sent_at");