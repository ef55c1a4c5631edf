ALTER TABLE "org_sections" ADD COLUMN "responsible_duty" text;--> statement-breakpoint
ALTER TABLE "org_sections" ADD COLUMN "filled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "source_note" text;--> statement-breakpoint
ALTER TABLE "responsible_officials" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "responsible_officials" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;