CREATE TABLE "dataset_proposal_supports" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dataset_proposal_supports_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "dataset_proposals" ADD COLUMN "reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "dataset_proposals" ADD COLUMN "status" text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "dataset_proposals" ADD COLUMN "dataset_identifier" text;--> statement-breakpoint
ALTER TABLE "dataset_proposals" ADD COLUMN "answered_by" uuid;--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "reference_book" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "information_resources" ADD COLUMN "reference_book" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "dataset_proposals_created_idx" ON "dataset_proposals" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "dataset_proposals" DROP COLUMN "decision";