ALTER TABLE "appeals" ADD COLUMN "obstruction_kind" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "public_control_subject" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "obstruction_finding" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "obstruction_measure" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "obstruction_measure_note" text;--> statement-breakpoint
CREATE INDEX "appeals_obstruction_idx" ON "appeals" USING btree ("complained_org_id","registered_on") WHERE "appeals"."obstruction_kind" is not null;