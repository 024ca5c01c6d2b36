import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_editorial_settings_heading_case" AS ENUM('sentence', 'title');
  CREATE TABLE "articles_checklist_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer,
  	"reason" varchar,
  	"errors" varchar
  );
  
  CREATE TABLE "_articles_v_version_checklist_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer,
  	"reason" varchar,
  	"errors" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "editorial_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading_case" "enum_editorial_settings_heading_case" DEFAULT 'sentence' NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "publish_override_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_publish_override_reason" varchar;
  ALTER TABLE "articles_checklist_overrides" ADD CONSTRAINT "articles_checklist_overrides_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_checklist_overrides" ADD CONSTRAINT "articles_checklist_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_checklist_overrides" ADD CONSTRAINT "_articles_v_version_checklist_overrides_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_checklist_overrides" ADD CONSTRAINT "_articles_v_version_checklist_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_checklist_overrides_order_idx" ON "articles_checklist_overrides" USING btree ("_order");
  CREATE INDEX "articles_checklist_overrides_parent_id_idx" ON "articles_checklist_overrides" USING btree ("_parent_id");
  CREATE INDEX "articles_checklist_overrides_by_idx" ON "articles_checklist_overrides" USING btree ("by_id");
  CREATE INDEX "_articles_v_version_checklist_overrides_order_idx" ON "_articles_v_version_checklist_overrides" USING btree ("_order");
  CREATE INDEX "_articles_v_version_checklist_overrides_parent_id_idx" ON "_articles_v_version_checklist_overrides" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_checklist_overrides_by_idx" ON "_articles_v_version_checklist_overrides" USING btree ("by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles_checklist_overrides" CASCADE;
  DROP TABLE "_articles_v_version_checklist_overrides" CASCADE;
  DROP TABLE "editorial_settings" CASCADE;
  ALTER TABLE "articles" DROP COLUMN "publish_override_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_publish_override_reason";
  DROP TYPE "public"."enum_editorial_settings_heading_case";`)
}
