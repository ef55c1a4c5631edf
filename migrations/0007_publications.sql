CREATE TABLE "declaration_years" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declaration_years_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "document_links_from_id_to_id_pk" PRIMARY KEY("from_id","to_id")
);
--> statement-breakpoint
CREATE TABLE "income_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"declarant_short_name" text NOT NULL,
	"position" text NOT NULL,
	"relation" text NOT NULL,
	"real_estate_owned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"real_estate_used" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vehicles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"declared_income_kopecks" bigint NOT NULL,
	"large_deal_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"ext" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"text_status" text DEFAULT 'pending' NOT NULL,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"publication_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_versions" (
	"publication_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" uuid,
	CONSTRAINT "publication_versions_publication_id_version_pk" PRIMARY KEY("publication_id","version")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"section_key" text,
	"title" text NOT NULL,
	"summary" text,
	"body_html" text DEFAULT '' NOT NULL,
	"doc_type" text,
	"doc_number" text,
	"doc_date" date,
	"doc_status" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"video_url" text,
	"video_file_id" uuid,
	"poster_file_id" uuid,
	"transcript" text,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"text" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "document_links_to_idx" ON "document_links" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "income_declarations_org_year_idx" ON "income_declarations" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "publication_attachments_pub_idx" ON "publication_attachments" USING btree ("publication_id");--> statement-breakpoint
CREATE INDEX "publications_org_kind_idx" ON "publications" USING btree ("org_id","kind","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_org_section_key" ON "publications" USING btree ("org_id","section_key");--> statement-breakpoint
CREATE INDEX "publications_doc_number_idx" ON "publications" USING btree ("org_id","doc_number");--> statement-breakpoint
CREATE INDEX "site_feedback_org_idx" ON "site_feedback" USING btree ("org_id","created_at");