CREATE TABLE "monitoring_auto_values" (
	"cycle_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" double precision,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_auto_values_cycle_id_org_id_criterion_id_pk" PRIMARY KEY("cycle_id","org_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"methodology_id" uuid NOT NULL,
	"code" text NOT NULL,
	"task" text NOT NULL,
	"mechanism" text NOT NULL,
	"question_ru" text NOT NULL,
	"question_en" text,
	"scale" text NOT NULL,
	"thresholds" jsonb,
	"weight" double precision NOT NULL,
	"evidence_ru" text,
	"applies_to" text NOT NULL,
	"source" text NOT NULL,
	"auto_key" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_cycle_orgs" (
	"cycle_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"level" text NOT NULL,
	"self_status" text DEFAULT 'draft' NOT NULL,
	"self_remarks" text,
	"self_submitted_at" timestamp with time zone,
	CONSTRAINT "monitoring_cycle_orgs_cycle_id_org_id_pk" PRIMARY KEY("cycle_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"methodology_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"cutoff_on" date NOT NULL,
	"reconcile_threshold" double precision DEFAULT 1 NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_expert_scores" (
	"assignment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"comment" text,
	CONSTRAINT "monitoring_expert_scores_assignment_id_criterion_id_pk" PRIMARY KEY("assignment_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_methodologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"title_ru" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"previous_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_reconciliations" (
	"cycle_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"note" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_reconciliations_cycle_id_org_id_criterion_id_pk" PRIMARY KEY("cycle_id","org_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_results" (
	"cycle_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"level" text NOT NULL,
	"index" double precision NOT NULL,
	"rank" integer NOT NULL,
	"by_mechanism" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	CONSTRAINT "monitoring_results_cycle_id_org_id_pk" PRIMARY KEY("cycle_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_self_answers" (
	"cycle_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" double precision,
	"evidence_url" text,
	"comment" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitoring_self_answers_cycle_id_org_id_criterion_id_pk" PRIMARY KEY("cycle_id","org_id","criterion_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_criteria_code_uq" ON "monitoring_criteria" USING btree ("methodology_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_cycles_year_uq" ON "monitoring_cycles" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_assignments_uq" ON "monitoring_expert_assignments" USING btree ("cycle_id","org_id","expert_user_id");--> statement-breakpoint
CREATE INDEX "monitoring_assignments_expert_idx" ON "monitoring_expert_assignments" USING btree ("expert_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_methodologies_version_uq" ON "monitoring_methodologies" USING btree ("version");