ALTER TABLE "dataset_versions" ADD COLUMN "csv_sha256" text;--> statement-breakpoint
ALTER TABLE "dataset_versions" ADD COLUMN "csv_bytes" bigint;--> statement-breakpoint
CREATE INDEX "dataset_versions_unrendered_idx" ON "dataset_versions" USING btree ("stamp") WHERE "dataset_versions"."csv_sha256" is null;