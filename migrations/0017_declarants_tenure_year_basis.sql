CREATE TABLE "declarants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"short_name" text NOT NULL,
	"tenure_ended_on" date,
	"tenure_end_basis" text,
	"tenure_recorded_by" uuid,
	"tenure_recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "declaration_years" ADD COLUMN "legal_basis" text;--> statement-breakpoint
ALTER TABLE "declaration_years" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "income_declarations" ADD COLUMN "declarant_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "declarants_org_name_key" ON "declarants" USING btree ("org_id","short_name");--> statement-breakpoint
-- every person already declared becomes a declarant holding the post (hand-added: the rows exist)
INSERT INTO "declarants" ("org_id", "short_name") SELECT DISTINCT "org_id", "declarant_short_name" FROM "income_declarations";--> statement-breakpoint
UPDATE "income_declarations" d SET "declarant_id" = p."id" FROM "declarants" p WHERE p."org_id" = d."org_id" AND p."short_name" = d."declarant_short_name";--> statement-breakpoint
ALTER TABLE "income_declarations" ALTER COLUMN "declarant_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "income_declarations_declarant_idx" ON "income_declarations" USING btree ("declarant_id");