ALTER TABLE "appeals" ADD COLUMN "complained_org_id" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "complained_official_id" uuid;