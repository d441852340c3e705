ALTER TABLE "intake_items" ADD COLUMN "referral_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_items" ADD COLUMN "overdue_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intake_items" ADD COLUMN "callback_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intake_items" ADD CONSTRAINT "intake_items_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;