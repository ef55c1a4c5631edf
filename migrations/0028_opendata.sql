CREATE TABLE "dataset_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"answer" text,
	"decision" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_rows" (
	"version_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"cells" text[] NOT NULL,
	CONSTRAINT "dataset_rows_version_id_n_pk" PRIMARY KEY("version_id","n")
);
--> statement-breakpoint
CREATE TABLE "dataset_structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"stamp" timestamp with time zone NOT NULL,
	"columns" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"stamp" timestamp with time zone NOT NULL,
	"provenance" text NOT NULL,
	"row_count" integer NOT NULL,
	"digest" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"topic" text NOT NULL,
	"frequency" text NOT NULL,
	"publisher_name" text NOT NULL,
	"publisher_phone" text NOT NULL,
	"publisher_email" text NOT NULL,
	"license" text NOT NULL,
	"source" text DEFAULT 'upload' NOT NULL,
	"source_org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "information_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"publishable" text NOT NULL,
	"reason" text,
	"planned_for" text,
	"dataset_identifier" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dataset_proposals_org_idx" ON "dataset_proposals" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_structures_stamp_key" ON "dataset_structures" USING btree ("dataset_id","stamp");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_versions_stamp_key" ON "dataset_versions" USING btree ("dataset_id","stamp");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_identifier_key" ON "datasets" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "datasets_org_idx" ON "datasets" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "information_resources_org_idx" ON "information_resources" USING btree ("org_id");