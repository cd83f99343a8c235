ALTER TABLE "documents" ADD COLUMN "addressee_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_addressee_owner_id_owners_id_fk" FOREIGN KEY ("addressee_owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Letters filed before this column existed: each is linked from its call line, which names the owner.
UPDATE "documents" SET "addressee_owner_id" = "call_lines"."owner_id" FROM "call_lines" WHERE "call_lines"."document_id" = "documents"."id" AND "call_lines"."organization_id" = "documents"."organization_id";
