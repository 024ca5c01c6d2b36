import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_front_page_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__front_page_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "front_page_top_stories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"article_id" integer
  );
  
  CREATE TABLE "front_page_desk_rails" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"desk_id" integer,
  	"count" numeric DEFAULT 4
  );
  
  CREATE TABLE "front_page" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"lead_id" integer,
  	"top_story_count" numeric DEFAULT 4,
  	"pinned_headlines" jsonb,
  	"_status" "enum_front_page_status" DEFAULT 'draft',
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "front_page_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer
  );
  
  CREATE TABLE "_front_page_v_version_top_stories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_front_page_v_version_desk_rails" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"desk_id" integer,
  	"count" numeric DEFAULT 4,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_front_page_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_lead_id" integer,
  	"version_top_story_count" numeric DEFAULT 4,
  	"version_pinned_headlines" jsonb,
  	"version__status" "enum__front_page_v_version_status" DEFAULT 'draft',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_front_page_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer
  );
  
  ALTER TABLE "front_page_top_stories" ADD CONSTRAINT "front_page_top_stories_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "front_page_top_stories" ADD CONSTRAINT "front_page_top_stories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."front_page"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "front_page_desk_rails" ADD CONSTRAINT "front_page_desk_rails_desk_id_sections_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "front_page_desk_rails" ADD CONSTRAINT "front_page_desk_rails_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."front_page"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "front_page" ADD CONSTRAINT "front_page_lead_id_articles_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "front_page_rels" ADD CONSTRAINT "front_page_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."front_page"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "front_page_rels" ADD CONSTRAINT "front_page_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_front_page_v_version_top_stories" ADD CONSTRAINT "_front_page_v_version_top_stories_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_front_page_v_version_top_stories" ADD CONSTRAINT "_front_page_v_version_top_stories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_front_page_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_front_page_v_version_desk_rails" ADD CONSTRAINT "_front_page_v_version_desk_rails_desk_id_sections_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_front_page_v_version_desk_rails" ADD CONSTRAINT "_front_page_v_version_desk_rails_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_front_page_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_front_page_v" ADD CONSTRAINT "_front_page_v_version_lead_id_articles_id_fk" FOREIGN KEY ("version_lead_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_front_page_v_rels" ADD CONSTRAINT "_front_page_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_front_page_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_front_page_v_rels" ADD CONSTRAINT "_front_page_v_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "front_page_top_stories_order_idx" ON "front_page_top_stories" USING btree ("_order");
  CREATE INDEX "front_page_top_stories_parent_id_idx" ON "front_page_top_stories" USING btree ("_parent_id");
  CREATE INDEX "front_page_top_stories_article_idx" ON "front_page_top_stories" USING btree ("article_id");
  CREATE INDEX "front_page_desk_rails_order_idx" ON "front_page_desk_rails" USING btree ("_order");
  CREATE INDEX "front_page_desk_rails_parent_id_idx" ON "front_page_desk_rails" USING btree ("_parent_id");
  CREATE INDEX "front_page_desk_rails_desk_idx" ON "front_page_desk_rails" USING btree ("desk_id");
  CREATE INDEX "front_page_lead_idx" ON "front_page" USING btree ("lead_id");
  CREATE INDEX "front_page__status_idx" ON "front_page" USING btree ("_status");
  CREATE INDEX "front_page_rels_order_idx" ON "front_page_rels" USING btree ("order");
  CREATE INDEX "front_page_rels_parent_idx" ON "front_page_rels" USING btree ("parent_id");
  CREATE INDEX "front_page_rels_path_idx" ON "front_page_rels" USING btree ("path");
  CREATE INDEX "front_page_rels_articles_id_idx" ON "front_page_rels" USING btree ("articles_id");
  CREATE INDEX "_front_page_v_version_top_stories_order_idx" ON "_front_page_v_version_top_stories" USING btree ("_order");
  CREATE INDEX "_front_page_v_version_top_stories_parent_id_idx" ON "_front_page_v_version_top_stories" USING btree ("_parent_id");
  CREATE INDEX "_front_page_v_version_top_stories_article_idx" ON "_front_page_v_version_top_stories" USING btree ("article_id");
  CREATE INDEX "_front_page_v_version_desk_rails_order_idx" ON "_front_page_v_version_desk_rails" USING btree ("_order");
  CREATE INDEX "_front_page_v_version_desk_rails_parent_id_idx" ON "_front_page_v_version_desk_rails" USING btree ("_parent_id");
  CREATE INDEX "_front_page_v_version_desk_rails_desk_idx" ON "_front_page_v_version_desk_rails" USING btree ("desk_id");
  CREATE INDEX "_front_page_v_version_version_lead_idx" ON "_front_page_v" USING btree ("version_lead_id");
  CREATE INDEX "_front_page_v_version_version__status_idx" ON "_front_page_v" USING btree ("version__status");
  CREATE INDEX "_front_page_v_created_at_idx" ON "_front_page_v" USING btree ("created_at");
  CREATE INDEX "_front_page_v_updated_at_idx" ON "_front_page_v" USING btree ("updated_at");
  CREATE INDEX "_front_page_v_latest_idx" ON "_front_page_v" USING btree ("latest");
  CREATE INDEX "_front_page_v_autosave_idx" ON "_front_page_v" USING btree ("autosave");
  CREATE INDEX "_front_page_v_rels_order_idx" ON "_front_page_v_rels" USING btree ("order");
  CREATE INDEX "_front_page_v_rels_parent_idx" ON "_front_page_v_rels" USING btree ("parent_id");
  CREATE INDEX "_front_page_v_rels_path_idx" ON "_front_page_v_rels" USING btree ("path");
  CREATE INDEX "_front_page_v_rels_articles_id_idx" ON "_front_page_v_rels" USING btree ("articles_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "front_page_top_stories" CASCADE;
  DROP TABLE "front_page_desk_rails" CASCADE;
  DROP TABLE "front_page" CASCADE;
  DROP TABLE "front_page_rels" CASCADE;
  DROP TABLE "_front_page_v_version_top_stories" CASCADE;
  DROP TABLE "_front_page_v_version_desk_rails" CASCADE;
  DROP TABLE "_front_page_v" CASCADE;
  DROP TABLE "_front_page_v_rels" CASCADE;
  DROP TYPE "public"."enum_front_page_status";
  DROP TYPE "public"."enum__front_page_v_version_status";`)
}
