CREATE TABLE "appeal_status_counts" (
	"org_id" uuid NOT NULL,
	"corruption" boolean NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "appeal_status_counts_org_id_corruption_status_pk" PRIMARY KEY("org_id","corruption","status")
);
--> statement-breakpoint
CREATE TABLE "appeal_status_deltas" (
	"org_id" uuid NOT NULL,
	"corruption" boolean NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "appeals_org_open_due_idx";--> statement-breakpoint
CREATE INDEX "appeal_status_deltas_org_idx" ON "appeal_status_deltas" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "appeals_org_open_due_idx" ON "appeals" USING btree ("org_id","due_date","number","type") WHERE "appeals"."status" in ('registered', 'in_review', 'extended', 'awaiting_signature', 'answer_signed');--> statement-breakpoint
-- Every statement that writes appeals appends its net change of the counts by (body, corruption, status).
CREATE FUNCTION appeal_status_deltas_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO appeal_status_deltas (org_id, corruption, status, n)
    SELECT org_id, type = 'corruption_report', status, count(*) FROM new_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION appeal_status_deltas_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO appeal_status_deltas (org_id, corruption, status, n)
    SELECT org_id, corruption, status, sum(d) FROM (
      SELECT org_id, type = 'corruption_report' AS corruption, status, 1 AS d FROM new_rows
      UNION ALL
      SELECT org_id, type = 'corruption_report', status, -1 FROM old_rows
    ) x GROUP BY 1, 2, 3 HAVING sum(d) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION appeal_status_deltas_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO appeal_status_deltas (org_id, corruption, status, n)
    SELECT org_id, type = 'corruption_report', status, -count(*) FROM old_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER appeal_status_insert AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_status_deltas_insert();
--> statement-breakpoint
CREATE TRIGGER appeal_status_update AFTER UPDATE ON appeals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_status_deltas_update();
--> statement-breakpoint
CREATE TRIGGER appeal_status_delete AFTER DELETE ON appeals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_status_deltas_delete();
--> statement-breakpoint
INSERT INTO appeal_status_counts (org_id, corruption, status, n)
  SELECT org_id, type = 'corruption_report', status, count(*) FROM appeals GROUP BY 1, 2, 3;
