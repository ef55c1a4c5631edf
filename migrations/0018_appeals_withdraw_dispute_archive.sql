CREATE TABLE "appeal_archive_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"number" text NOT NULL,
	"answered_on" date NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "archive_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "disputes_appeal_id" uuid;--> statement-breakpoint
ALTER TABLE "appeal_archive_entries" ADD CONSTRAINT "appeal_archive_entries_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_archive_entries_appeal_key" ON "appeal_archive_entries" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "appeal_archive_entries_org_idx" ON "appeal_archive_entries" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "appeals_disputes_idx" ON "appeals" USING btree ("disputes_appeal_id");