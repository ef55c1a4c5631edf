-- The 7-day notice deadline of an appeal (59-ФЗ art. 11 ч.2, 4, 4.1, 5.1; 8-ФЗ art. 18 ч.6 delay notice).
-- Existing rows get the forwarding date (7 days by default too); the next calendar check recomputes both.
ALTER TABLE "appeals" ADD COLUMN "notice_due_date" date;--> statement-breakpoint
UPDATE "appeals" SET "notice_due_date" = "forward_due_date";--> statement-breakpoint
ALTER TABLE "appeals" ALTER COLUMN "notice_due_date" SET NOT NULL;
