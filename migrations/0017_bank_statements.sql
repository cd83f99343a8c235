CREATE TABLE "bank_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"identity_key" text NOT NULL,
	"sequence" integer NOT NULL,
	"detail" integer NOT NULL,
	"value_date" date NOT NULL,
	"booking_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"counterparty_name" text,
	"counterparty_iban" text,
	"structured_communication" text,
	"free_text" text,
	"bank_reference" text,
	"status" text NOT NULL,
	"match_kind" text,
	"owner_id" uuid,
	"payment_id" uuid,
	"expense_id" uuid,
	"matched_by" uuid,
	"matched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_movements_status" CHECK ("bank_movements"."status" in ('unmatched', 'matched', 'batch')),
	CONSTRAINT "bank_movements_match_kind" CHECK ("bank_movements"."match_kind" is null or "bank_movements"."match_kind" in ('communication', 'iban', 'manual', 'expense')),
	CONSTRAINT "bank_movements_match_consistent" CHECK (("bank_movements"."status" = 'matched') = ("bank_movements"."match_kind" is not null) and ("bank_movements"."status" <> 'matched' or "bank_movements"."payment_id" is not null or "bank_movements"."expense_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"account_purpose" text NOT NULL,
	"iban" text NOT NULL,
	"format" text NOT NULL,
	"statement_number" text NOT NULL,
	"old_balance_date" date NOT NULL,
	"new_balance_date" date NOT NULL,
	"old_balance_cents" bigint NOT NULL,
	"new_balance_cents" bigint NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_statements_format" CHECK ("bank_statements"."format" in ('coda', 'camt053')),
	CONSTRAINT "bank_statements_purpose" CHECK ("bank_statements"."account_purpose" in ('working_capital', 'reserve'))
);
--> statement-breakpoint
CREATE TABLE "owner_payer_ibans" (
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"iban" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_movements" ADD CONSTRAINT "bank_movements_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."bank_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_movements" ADD CONSTRAINT "bank_movements_payment_id_owner_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."owner_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_movements" ADD CONSTRAINT "bank_movements_expense_id_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."expenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_bank_account_id_building_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "public"."building_bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payer_ibans" ADD CONSTRAINT "owner_payer_ibans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payer_ibans" ADD CONSTRAINT "owner_payer_ibans_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payer_ibans" ADD CONSTRAINT "owner_payer_ibans_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_movements_account_identity_uq" ON "bank_movements" USING btree ("organization_id","bank_account_id","identity_key");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_movements_payment_uq" ON "bank_movements" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "bank_movements_org_statement_idx" ON "bank_movements" USING btree ("organization_id","statement_id","sequence","detail");--> statement-breakpoint
CREATE INDEX "bank_movements_org_building_status_idx" ON "bank_movements" USING btree ("organization_id","building_id","status","booking_date");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statements_account_number_uq" ON "bank_statements" USING btree ("organization_id","bank_account_id","statement_number","new_balance_date");--> statement-breakpoint
CREATE INDEX "bank_statements_org_building_idx" ON "bank_statements" USING btree ("organization_id","building_id","new_balance_date");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_payer_ibans_uq" ON "owner_payer_ibans" USING btree ("organization_id","building_id","iban","owner_id");