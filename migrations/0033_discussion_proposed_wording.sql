ALTER TABLE "discussion_comments" ADD COLUMN "wording" text;--> statement-breakpoint
ALTER TABLE "discussions" ADD COLUMN "wording_field" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- the discussions of draft regulations opened before this take a proposed wording too
UPDATE "discussions" SET "wording_field" = true WHERE "object_type" = 'draft';
