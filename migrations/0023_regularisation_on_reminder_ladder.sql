ALTER TABLE "calls_for_funds" DROP CONSTRAINT "calls_for_funds_kind";--> statement-breakpoint
ALTER TABLE "arrears_settings" ADD COLUMN "regularisation_term_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "arrears_settings" ADD CONSTRAINT "arrears_settings_regularisation_term" CHECK ("arrears_settings"."regularisation_term_days" between 0 and 365);--> statement-breakpoint
ALTER TABLE "calls_for_funds" ADD CONSTRAINT "calls_for_funds_kind" CHECK ("calls_for_funds"."kind" in ('provision', 'reserve', 'extraordinary', 'regularisation'));