CREATE TABLE "practice_case_files" (
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "practice_case_files_case_id_file_id_pk" PRIMARY KEY("case_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "practice_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"act" text NOT NULL,
	"topic" text NOT NULL,
	"description" text NOT NULL,
	"decision" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"public_description" text,
	"comment" text,
	"commented_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"target" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"referred_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice_case_files" ADD CONSTRAINT "practice_case_files_case_id_practice_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."practice_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_referrals" ADD CONSTRAINT "practice_referrals_case_id_practice_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."practice_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_cases_org_idx" ON "practice_cases" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "practice_cases_author_idx" ON "practice_cases" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "practice_referrals_case_idx" ON "practice_referrals" USING btree ("case_id");