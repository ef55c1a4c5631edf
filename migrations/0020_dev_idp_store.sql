CREATE TABLE "dev_idp_store" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"uid" text,
	"user_code" text,
	"grant_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dev_idp_store_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
CREATE INDEX "dev_idp_store_uid_idx" ON "dev_idp_store" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "dev_idp_store_grant_idx" ON "dev_idp_store" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "dev_idp_store_expires_idx" ON "dev_idp_store" USING btree ("expires_at");