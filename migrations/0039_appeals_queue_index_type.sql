DROP INDEX "appeals_org_queue_idx";--> statement-breakpoint
CREATE INDEX "appeals_org_queue_idx" ON "appeals" USING btree ("org_id","status","due_date","type");