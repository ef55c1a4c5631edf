CREATE TABLE "anti_corruption_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"order_number" text NOT NULL,
	"order_date" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expertise_conclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"text_version" integer NOT NULL,
	"no_factors" boolean NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"answer_due_on" date NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "expertise_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conclusion_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"unit_key" text NOT NULL,
	"unit_label" text NOT NULL,
	"factor_code" text NOT NULL,
	"description" text NOT NULL,
	"proposal" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expertise_findings" ADD CONSTRAINT "expertise_findings_conclusion_id_expertise_conclusions_id_fk" FOREIGN KEY ("conclusion_id") REFERENCES "public"."expertise_conclusions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anti_corruption_experts_user_idx" ON "anti_corruption_experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expertise_conclusions_draft_idx" ON "expertise_conclusions" USING btree ("draft_id","submitted_at");--> statement-breakpoint
CREATE INDEX "expertise_conclusions_org_idx" ON "expertise_conclusions" USING btree ("org_id","answer_due_on");--> statement-breakpoint
CREATE INDEX "expertise_findings_conclusion_idx" ON "expertise_findings" USING btree ("conclusion_id","position");