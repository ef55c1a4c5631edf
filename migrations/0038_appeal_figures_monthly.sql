CREATE TABLE "appeal_figures_monthly" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"received" integer NOT NULL,
	"answered" integer NOT NULL,
	"on_time" integer NOT NULL,
	"forwarded" integer NOT NULL,
	"left_without_answer" integer NOT NULL,
	"extended" integer NOT NULL,
	"in_review" integer NOT NULL,
	"days_sum" integer NOT NULL,
	"days_base" integer NOT NULL,
	"info_requests" integer NOT NULL,
	"media_requests" integer NOT NULL,
	"corruption_reports" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	CONSTRAINT "appeal_figures_monthly_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
CREATE TABLE "appeal_figures_stale" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_topics_monthly" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"code" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "appeal_topics_monthly_org_id_month_code_pk" PRIMARY KEY("org_id","month","code")
);
--> statement-breakpoint
CREATE INDEX "appeal_figures_stale_idx" ON "appeal_figures_stale" USING btree ("org_id","month");--> statement-breakpoint
-- Every statement that writes appeals (the columns the figures read) or ratings lists the (body, month)
-- pairs it touched; the figures of those months are read live until the job recomputes them.
CREATE FUNCTION appeal_figures_mark_appeals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO appeal_figures_stale (org_id, month)
      SELECT DISTINCT org_id, date_trunc('month', registered_on::timestamp)::date FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    -- only rows whose counted columns changed (a notice sent, a text edited: nothing to recompute)
    INSERT INTO appeal_figures_stale (org_id, month)
      SELECT org_id, date_trunc('month', registered_on::timestamp)::date FROM (
        SELECT n.org_id, n.registered_on FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.org_id, n.type, n.status, n.registered_on, n.due_date, n.answered_at, n.extension_count, n.topic_code)
            IS DISTINCT FROM (o.org_id, o.type, o.status, o.registered_on, o.due_date, o.answered_at, o.extension_count, o.topic_code)
        UNION
        SELECT o.org_id, o.registered_on FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.org_id, n.type, n.status, n.registered_on, n.due_date, n.answered_at, n.extension_count, n.topic_code)
            IS DISTINCT FROM (o.org_id, o.type, o.status, o.registered_on, o.due_date, o.answered_at, o.extension_count, o.topic_code)
      ) changed
      GROUP BY 1, 2;
  ELSE
    INSERT INTO appeal_figures_stale (org_id, month)
      SELECT DISTINCT org_id, date_trunc('month', registered_on::timestamp)::date FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER appeal_figures_insert AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_figures_mark_appeals();
--> statement-breakpoint
CREATE TRIGGER appeal_figures_update AFTER UPDATE ON appeals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_figures_mark_appeals();
--> statement-breakpoint
CREATE TRIGGER appeal_figures_delete AFTER DELETE ON appeals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_figures_mark_appeals();
--> statement-breakpoint
CREATE FUNCTION appeal_figures_mark_ratings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO appeal_figures_stale (org_id, month)
      SELECT DISTINCT a.org_id, date_trunc('month', a.registered_on::timestamp)::date
      FROM new_rows r JOIN appeals a ON a.id = r.appeal_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO appeal_figures_stale (org_id, month)
      SELECT DISTINCT a.org_id, date_trunc('month', a.registered_on::timestamp)::date
      FROM old_rows r JOIN appeals a ON a.id = r.appeal_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER appeal_figures_ratings_insert AFTER INSERT ON appeal_ratings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_figures_mark_ratings();
--> statement-breakpoint
CREATE TRIGGER appeal_figures_ratings_update AFTER UPDATE ON appeal_ratings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_figures_mark_ratings();
--> statement-breakpoint
CREATE TRIGGER appeal_figures_ratings_delete AFTER DELETE ON appeal_ratings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_figures_mark_ratings();
--> statement-breakpoint
-- every month with appeals is computed by the job's first run after this migration (read live until then)
INSERT INTO appeal_figures_stale (org_id, month)
  SELECT DISTINCT org_id, date_trunc('month', registered_on::timestamp)::date FROM appeals;
