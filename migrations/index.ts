import * as migration_20261128_212449_initial from './20261128_212449_initial';
import * as migration_20261129_000552_comments from './20261129_000552_comments';
import * as migration_20261129_010113_article_search from './20261129_010113_article_search';
import * as migration_20261129_015012_section_listing_index from './20261129_015012_section_listing_index';
import * as migration_20261129_025209_seo_and_redirects from './20261129_025209_seo_and_redirects';
import * as migration_20261129_032736_roles_and_ownership from './20261129_032736_roles_and_ownership';
import * as migration_20261129_034621_publish_checklist from './20261129_034621_publish_checklist';
import * as migration_20261129_040714_corrections_log from './20261129_040714_corrections_log';
import * as migration_20261129_041101_scheduled_publishing from './20261129_041101_scheduled_publishing';
import * as migration_20261129_055413_review_workflow from './20261129_055413_review_workflow';
import * as migration_20261129_063500_search_phrase_pairs from './20261129_063500_search_phrase_pairs';
import * as migration_20261201_160857_login_throttles from './20261201_160857_login_throttles';
import * as migration_20261201_164500_shared_content_drafts from './20261201_164500_shared_content_drafts';
import * as migration_20261201_183834_article_presence from './20261201_183834_article_presence';
import * as migration_20261201_190000_edit_snapshots from './20261201_190000_edit_snapshots';
import * as migration_20261201_213839_breaking_until from './20261201_213839_breaking_until';
import * as migration_20261201_220200_most_read from './20261201_220200_most_read';
import * as migration_20261201_222048_front_page from './20261201_222048_front_page';
import * as migration_20261201_222527_breaking_expiry_task from './20261201_222527_breaking_expiry_task';
import * as migration_20261202_005719_media_storage_fields from './20261202_005719_media_storage_fields';
import * as migration_20261202_042910_wordpress_import_source from './20261202_042910_wordpress_import_source';
import * as migration_20261203_093600_media_imported_from from './20261203_093600_media_imported_from';
import * as migration_20261203_141152_import_notes from './20261203_141152_import_notes';
import * as migration_20261203_144828_import_runs from './20261203_144828_import_runs';

export const migrations = [
  {
    up: migration_20261128_212449_initial.up,
    down: migration_20261128_212449_initial.down,
    name: '20261128_212449_initial',
  },
  {
    up: migration_20261129_000552_comments.up,
    down: migration_20261129_000552_comments.down,
    name: '20261129_000552_comments',
  },
  {
    up: migration_20261129_010113_article_search.up,
    down: migration_20261129_010113_article_search.down,
    name: '20261129_010113_article_search',
  },
  {
    up: migration_20261129_015012_section_listing_index.up,
    down: migration_20261129_015012_section_listing_index.down,
    name: '20261129_015012_section_listing_index',
  },
  {
    up: migration_20261129_025209_seo_and_redirects.up,
    down: migration_20261129_025209_seo_and_redirects.down,
    name: '20261129_025209_seo_and_redirects',
  },
  {
    up: migration_20261129_032736_roles_and_ownership.up,
    down: migration_20261129_032736_roles_and_ownership.down,
    name: '20261129_032736_roles_and_ownership',
  },
  {
    up: migration_20261129_034621_publish_checklist.up,
    down: migration_20261129_034621_publish_checklist.down,
    name: '20261129_034621_publish_checklist',
  },
  {
    up: migration_20261129_040714_corrections_log.up,
    down: migration_20261129_040714_corrections_log.down,
    name: '20261129_040714_corrections_log',
  },
  {
    up: migration_20261129_041101_scheduled_publishing.up,
    down: migration_20261129_041101_scheduled_publishing.down,
    name: '20261129_041101_scheduled_publishing',
  },
  {
    up: migration_20261129_055413_review_workflow.up,
    down: migration_20261129_055413_review_workflow.down,
    name: '20261129_055413_review_workflow',
  },
  {
    up: migration_20261129_063500_search_phrase_pairs.up,
    down: migration_20261129_063500_search_phrase_pairs.down,
    name: '20261129_063500_search_phrase_pairs',
  },
  {
    up: migration_20261201_160857_login_throttles.up,
    down: migration_20261201_160857_login_throttles.down,
    name: '20261201_160857_login_throttles',
  },
  {
    up: migration_20261201_164500_shared_content_drafts.up,
    down: migration_20261201_164500_shared_content_drafts.down,
    name: '20261201_164500_shared_content_drafts',
  },
  {
    up: migration_20261201_183834_article_presence.up,
    down: migration_20261201_183834_article_presence.down,
    name: '20261201_183834_article_presence',
  },
  {
    up: migration_20261201_190000_edit_snapshots.up,
    down: migration_20261201_190000_edit_snapshots.down,
    name: '20261201_190000_edit_snapshots',
  },
  {
    up: migration_20261201_213839_breaking_until.up,
    down: migration_20261201_213839_breaking_until.down,
    name: '20261201_213839_breaking_until',
  },
  {
    up: migration_20261201_220200_most_read.up,
    down: migration_20261201_220200_most_read.down,
    name: '20261201_220200_most_read',
  },
  {
    up: migration_20261201_222048_front_page.up,
    down: migration_20261201_222048_front_page.down,
    name: '20261201_222048_front_page',
  },
  {
    up: migration_20261201_222527_breaking_expiry_task.up,
    down: migration_20261201_222527_breaking_expiry_task.down,
    name: '20261201_222527_breaking_expiry_task',
  },
  {
    up: migration_20261202_005719_media_storage_fields.up,
    down: migration_20261202_005719_media_storage_fields.down,
    name: '20261202_005719_media_storage_fields',
  },
  {
    up: migration_20261202_042910_wordpress_import_source.up,
    down: migration_20261202_042910_wordpress_import_source.down,
    name: '20261202_042910_wordpress_import_source',
  },
  {
    up: migration_20261203_093600_media_imported_from.up,
    down: migration_20261203_093600_media_imported_from.down,
    name: '20261203_093600_media_imported_from',
  },
  {
    up: migration_20261203_141152_import_notes.up,
    down: migration_20261203_141152_import_notes.down,
    name: '20261203_141152_import_notes',
  },
  {
    up: migration_20261203_144828_import_runs.up,
    down: migration_20261203_144828_import_runs.down,
    name: '20261203_144828_import_runs'
  },
];
