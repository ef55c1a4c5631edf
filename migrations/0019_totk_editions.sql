CREATE TABLE "totk_editions" (
	"version" text PRIMARY KEY NOT NULL,
	"edition_date" date NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal_topics" DROP CONSTRAINT "appeal_topics_pkey";--> statement-breakpoint
ALTER TABLE "appeal_topics" ADD CONSTRAINT "appeal_topics_version_code_pk" PRIMARY KEY("version","code");--> statement-breakpoint
ALTER TABLE "appeal_topics" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;
