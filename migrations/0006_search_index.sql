CREATE TABLE "search_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"module" text NOT NULL,
	"type" text NOT NULL,
	"org_id" uuid,
	"title" text NOT NULL,
	"requisites_text" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"attachment_text" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"url" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" smallint NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"doc_type" text,
	"doc_number" text,
	"doc_number_key" text,
	"doc_date" date,
	"doc_status" text,
	"issuer_org_id" uuid,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(requisites_text, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(body, '')), 'C') || setweight(to_tsvector('russian'::regconfig, coalesce(attachment_text, '')), 'D')) STORED
);
--> statement-breakpoint
CREATE TABLE "search_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone NOT NULL,
	"mails_sent" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_entries_title_trgm_idx" ON "search_entries" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_entries_published_idx" ON "search_entries" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "search_entries_type_published_idx" ON "search_entries" USING btree ("type","published_at");--> statement-breakpoint
CREATE INDEX "search_entries_org_published_idx" ON "search_entries" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "search_entries_number_idx" ON "search_entries" USING btree ("doc_number_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_entries_doc_date_idx" ON "search_entries" USING btree ("doc_date");--> statement-breakpoint
CREATE INDEX "search_entries_topics_idx" ON "search_entries" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "search_entries_module_idx" ON "search_entries" USING btree ("module");--> statement-breakpoint
CREATE INDEX "search_subscriptions_user_idx" ON "search_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_subscriptions_token_key" ON "search_subscriptions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);