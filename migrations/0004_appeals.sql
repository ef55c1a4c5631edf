CREATE TABLE "appeal_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" uuid,
	"signed_by_user_id" uuid,
	"signed_role" text,
	"signed_name" text,
	"signed_position" text,
	"signed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"outbox_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"answer_id" uuid,
	"file_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_cosigners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"patronymic" text,
	"email" text,
	"postal_address" text,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "appeal_counters" (
	"org_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_counters_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "appeal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appeal_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"reason_code" text,
	"reason" text,
	"target_org_id" uuid,
	"target_name" text,
	"target_appeal_id" uuid,
	"new_due_date" date,
	"outbox_id" uuid,
	"from_status" text,
	"to_status" text,
	"visible_to_author" boolean DEFAULT true NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_faq_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"topic_code" text,
	"source_appeal_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"topic_code" text NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"measures_taken" boolean DEFAULT false NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"answer_id" uuid,
	"user_id" uuid NOT NULL,
	"satisfied" boolean NOT NULL,
	"reason_code" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_reminders" (
	"appeal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outbox_id" uuid,
	CONSTRAINT "appeal_reminders_appeal_id_kind_due_date_pk" PRIMARY KEY("appeal_id","kind","due_date")
);
--> statement-breakpoint
CREATE TABLE "appeal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_topics" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"level" smallint NOT NULL,
	"name_ru" text NOT NULL,
	"version" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"org_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"kind" text,
	"form" text DEFAULT 'electronic' NOT NULL,
	"multiplicity" text DEFAULT 'primary' NOT NULL,
	"official_id" uuid,
	"official_name" text,
	"author_user_id" uuid,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"patronymic" text,
	"email" text,
	"postal_address" text,
	"phone" text,
	"organization_name" text,
	"author_identification" text DEFAULT 'email' NOT NULL,
	"author_identity_level" text,
	"subject" text,
	"text" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"collective" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_on" date NOT NULL,
	"due_date" date NOT NULL,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"forward_due_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"calendar_version" text,
	"extension_count" smallint DEFAULT 0 NOT NULL,
	"assigned_user_id" uuid,
	"assigned_at" timestamp with time zone,
	"topic_code" text,
	"forwarded_to_org_id" uuid,
	"forwarded_to_name" text,
	"source_appeal_id" uuid,
	"without_answer_reason" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD CONSTRAINT "appeal_answers_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_attachments" ADD CONSTRAINT "appeal_attachments_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_cosigners" ADD CONSTRAINT "appeal_cosigners_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_events" ADD CONSTRAINT "appeal_events_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_questions" ADD CONSTRAINT "appeal_questions_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_ratings" ADD CONSTRAINT "appeal_ratings_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_reminders" ADD CONSTRAINT "appeal_reminders_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_answers_appeal_idx" ON "appeal_answers" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "appeal_attachments_appeal_idx" ON "appeal_attachments" USING btree ("appeal_id","answer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_attachments_file_key" ON "appeal_attachments" USING btree ("appeal_id","file_id");--> statement-breakpoint
CREATE INDEX "appeal_cosigners_appeal_idx" ON "appeal_cosigners" USING btree ("appeal_id","position");--> statement-breakpoint
CREATE INDEX "appeal_events_appeal_idx" ON "appeal_events" USING btree ("appeal_id","at");--> statement-breakpoint
CREATE INDEX "appeal_events_kind_idx" ON "appeal_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "appeal_faq_items_org_idx" ON "appeal_faq_items" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "appeal_questions_appeal_idx" ON "appeal_questions" USING btree ("appeal_id","position");--> statement-breakpoint
CREATE INDEX "appeal_questions_topic_idx" ON "appeal_questions" USING btree ("topic_code");--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_ratings_appeal_user_key" ON "appeal_ratings" USING btree ("appeal_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_reviews_org_period_key" ON "appeal_reviews" USING btree ("org_id","year","quarter");--> statement-breakpoint
CREATE INDEX "appeal_topics_parent_idx" ON "appeal_topics" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_number_key" ON "appeals" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_org_year_seq_key" ON "appeals" USING btree ("org_id","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_author_idempotency_key" ON "appeals" USING btree ("author_user_id","idempotency_key") WHERE "appeals"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "appeals_author_idx" ON "appeals" USING btree ("author_user_id","registered_at");--> statement-breakpoint
CREATE INDEX "appeals_org_queue_idx" ON "appeals" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE INDEX "appeals_org_registered_idx" ON "appeals" USING btree ("org_id","registered_on");--> statement-breakpoint
CREATE INDEX "appeals_assigned_idx" ON "appeals" USING btree ("assigned_user_id","status");--> statement-breakpoint
CREATE INDEX "appeals_due_idx" ON "appeals" USING btree ("due_date") WHERE "appeals"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "appeals_source_idx" ON "appeals" USING btree ("source_appeal_id");