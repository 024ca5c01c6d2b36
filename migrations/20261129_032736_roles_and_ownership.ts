import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'author');
  ALTER TABLE "articles" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_created_by_id" integer;
  ALTER TABLE "media" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "faqs" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "_faqs_v" ADD COLUMN "version_created_by_id" integer;
  ALTER TABLE "comparison_tables" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "_comparison_tables_v" ADD COLUMN "version_created_by_id" integer;
  ALTER TABLE "users" ADD COLUMN "role" "enum_users_role" DEFAULT 'author' NOT NULL;
  -- Accounts made before roles could do everything; they stay admins rather than lose access.
  UPDATE "users" SET "role" = 'admin';
  ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "faqs" ADD CONSTRAINT "faqs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_faqs_v" ADD CONSTRAINT "_faqs_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comparison_tables" ADD CONSTRAINT "comparison_tables_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_comparison_tables_v" ADD CONSTRAINT "_comparison_tables_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_created_by_idx" ON "articles" USING btree ("created_by_id");
  CREATE INDEX "_articles_v_version_version_created_by_idx" ON "_articles_v" USING btree ("version_created_by_id");
  CREATE INDEX "media_created_by_idx" ON "media" USING btree ("created_by_id");
  CREATE INDEX "faqs_created_by_idx" ON "faqs" USING btree ("created_by_id");
  CREATE INDEX "_faqs_v_version_version_created_by_idx" ON "_faqs_v" USING btree ("version_created_by_id");
  CREATE INDEX "comparison_tables_created_by_idx" ON "comparison_tables" USING btree ("created_by_id");
  CREATE INDEX "_comparison_tables_v_version_version_created_by_idx" ON "_comparison_tables_v" USING btree ("version_created_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP CONSTRAINT "articles_created_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_created_by_id_users_id_fk";
  
  ALTER TABLE "media" DROP CONSTRAINT "media_created_by_id_users_id_fk";
  
  ALTER TABLE "faqs" DROP CONSTRAINT "faqs_created_by_id_users_id_fk";
  
  ALTER TABLE "_faqs_v" DROP CONSTRAINT "_faqs_v_version_created_by_id_users_id_fk";
  
  ALTER TABLE "comparison_tables" DROP CONSTRAINT "comparison_tables_created_by_id_users_id_fk";
  
  ALTER TABLE "_comparison_tables_v" DROP CONSTRAINT "_comparison_tables_v_version_created_by_id_users_id_fk";
  
  DROP INDEX "articles_created_by_idx";
  DROP INDEX "_articles_v_version_version_created_by_idx";
  DROP INDEX "media_created_by_idx";
  DROP INDEX "faqs_created_by_idx";
  DROP INDEX "_faqs_v_version_version_created_by_idx";
  DROP INDEX "comparison_tables_created_by_idx";
  DROP INDEX "_comparison_tables_v_version_version_created_by_idx";
  ALTER TABLE "articles" DROP COLUMN "created_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_created_by_id";
  ALTER TABLE "media" DROP COLUMN "created_by_id";
  ALTER TABLE "faqs" DROP COLUMN "created_by_id";
  ALTER TABLE "_faqs_v" DROP COLUMN "version_created_by_id";
  ALTER TABLE "comparison_tables" DROP COLUMN "created_by_id";
  ALTER TABLE "_comparison_tables_v" DROP COLUMN "version_created_by_id";
  ALTER TABLE "users" DROP COLUMN "role";
  DROP TYPE "public"."enum_users_role";`)
}
