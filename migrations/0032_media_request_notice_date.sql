-- A media request is not forwarded: its 3-day notice date of delay or refusal lives in
-- notice_due_date only (it was also copied into forward_due_date).
ALTER TABLE "appeals" ALTER COLUMN "forward_due_date" DROP NOT NULL;--> statement-breakpoint
UPDATE "appeals" SET "forward_due_date" = NULL WHERE "type" = 'media_request';
