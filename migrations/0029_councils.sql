CREATE TABLE "council_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"link_kind" text DEFAULT 'none' NOT NULL,
	"link_url" text,
	"link_title" text
);
--> statement-breakpoint
CREATE TABLE "council_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"reference_group" text,
	"expertise" text NOT NULL,
	"motivation" text NOT NULL,
	"documents" text[] DEFAULT '{}' NOT NULL,
	"no_conflict" boolean NOT NULL,
	"pool_consent" boolean NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"check_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"respondent_user_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_call_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"name_ru" text NOT NULL,
	"weight" integer NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title_ru" text NOT NULL,
	"description_ru" text,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"places" integer NOT NULL,
	"reference_groups" text[] DEFAULT '{}' NOT NULL,
	"documents_required" text[] DEFAULT '{}' NOT NULL,
	"scale_max" integer DEFAULT 10 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_ru" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_conclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_title" text NOT NULL,
	"subject_url" text,
	"year" integer NOT NULL,
	"text_ru" text NOT NULL,
	"discussion_id" text,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text_ru" text NOT NULL,
	"votes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"report_ru" text,
	"reported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"video_url" text,
	"recording_url" text,
	"protocol_ru" text,
	"protocol_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"position" text NOT NULL,
	"affiliation" text,
	"term_start" date NOT NULL,
	"term_end" date,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_opinion_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"pool_member_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_pool_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"expertise" text NOT NULL,
	"call_id" uuid,
	"consent_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_recusals" (
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text,
	"description_ru" text,
	"regulation_title" text,
	"regulation_url" text,
	"participation_ru" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "council_agenda_items_meeting_idx" ON "council_agenda_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_applications_call_user_key" ON "council_applications" USING btree ("call_id","user_id");--> statement-breakpoint
CREATE INDEX "council_applications_user_idx" ON "council_applications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_assessments_key" ON "council_assessments" USING btree ("council_id","year","kind","respondent_user_id");--> statement-breakpoint
CREATE INDEX "council_call_criteria_call_idx" ON "council_call_criteria" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "council_calls_council_idx" ON "council_calls" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_conclusions_council_idx" ON "council_conclusions" USING btree ("council_id","published_at");--> statement-breakpoint
CREATE INDEX "council_conclusions_subject_idx" ON "council_conclusions" USING btree ("subject_url");--> statement-breakpoint
CREATE INDEX "council_decisions_council_idx" ON "council_decisions" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_members_user_idx" ON "council_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "council_opinion_requests_member_idx" ON "council_opinion_requests" USING btree ("pool_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_pool_members_user_key" ON "council_pool_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_recusals_key" ON "council_recusals" USING btree ("application_id","expert_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_registrations_key" ON "council_registrations" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE INDEX "council_registrations_user_idx" ON "council_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_scores_key" ON "council_scores" USING btree ("application_id","criterion_id","expert_user_id");--> statement-breakpoint
CREATE INDEX "councils_org_idx" ON "councils" USING btree ("org_id");