CREATE TABLE "plan_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"reported_on" date NOT NULL,
	"source" text NOT NULL,
	"comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"remarks" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"code" text,
	"title_ru" text NOT NULL,
	"title_en" text,
	"description_ru" text,
	"weight" double precision DEFAULT 1 NOT NULL,
	"unit" text,
	"direction" text,
	"baseline" double precision,
	"baseline_year" integer,
	"contract_weight" double precision,
	"deadline" date,
	"activity_status" text,
	"responsible_org_id" uuid,
	"responsible_name" text,
	"responsible_position" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"implements_item_id" uuid,
	"source_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"text_ru" text NOT NULL,
	"co_report_ru" text,
	"campaign_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"item_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text,
	"summary_ru" text,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_template" boolean DEFAULT false NOT NULL,
	"template_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" uuid,
	"superseded_at" timestamp with time zone,
	"agreed_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"discussion_result" text,
	"discussion_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "plan_actuals_item_idx" ON "plan_actuals" USING btree ("item_id","period","created_at");--> statement-breakpoint
CREATE INDEX "plan_events_plan_idx" ON "plan_events" USING btree ("plan_id","at");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_items_implements_idx" ON "plan_items" USING btree ("implements_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_reports_key" ON "plan_reports" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_key" ON "plan_targets" USING btree ("item_id","period");--> statement-breakpoint
CREATE INDEX "plans_org_idx" ON "plans" USING btree ("org_id","period_start");--> statement-breakpoint
CREATE INDEX "plans_previous_idx" ON "plans" USING btree ("previous_version_id");