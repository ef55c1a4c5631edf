CREATE TABLE "draft_proposal_positions" (
	"draft_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"position" text NOT NULL,
	"justification" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "draft_proposal_positions_draft_id_comment_id_pk" PRIMARY KEY("draft_id","comment_id")
);
--> statement-breakpoint
CREATE TABLE "draft_regulations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"act_type" text NOT NULL,
	"impact_degree" text NOT NULL,
	"stage" text DEFAULT 'notice' NOT NULL,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"discussion_starts_on" date,
	"discussion_ends_on" date,
	"expertise_starts_on" date,
	"expertise_ends_on" date,
	"summary_published_at" timestamp with time zone,
	"outcome" text,
	"decided_on" date,
	"decision_note" text,
	"publication_id" uuid,
	"text_version" integer DEFAULT 0 NOT NULL,
	"council_conclusion" text,
	"council_conclusion_at" timestamp with time zone,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_units" (
	"draft_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"parent_key" text,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "draft_units_draft_id_version_key_pk" PRIMARY KEY("draft_id","version","key")
);
--> statement-breakpoint
CREATE TABLE "draft_versions" (
	"draft_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"html" text NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_versions_draft_id_version_pk" PRIMARY KEY("draft_id","version")
);
--> statement-breakpoint
CREATE TABLE "legislative_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"horizon" text DEFAULT 'annual' NOT NULL,
	"year_to" integer,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"affects" text NOT NULL,
	"act_type" text,
	"planned_from" date,
	"planned_to" date,
	"responsible_name" text NOT NULL,
	"responsible_position" text,
	"state" text DEFAULT 'planned' NOT NULL,
	"draft_id" uuid,
	"council_opinion" text,
	"council_opinion_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "draft_proposal_positions_comment_key" ON "draft_proposal_positions" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "draft_regulations_org_idx" ON "draft_regulations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "draft_regulations_stage_idx" ON "draft_regulations" USING btree ("stage","created_at");--> statement-breakpoint
CREATE INDEX "legislative_plan_items_org_year_idx" ON "legislative_plan_items" USING btree ("org_id","year");