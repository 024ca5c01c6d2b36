import { FieldConflicts as FieldConflicts_5a1cc45c99dbce0ea3966f07b2f3b0bb } from '../../../src/components/admin/Coediting/FieldConflicts'
import { ReviewField as ReviewField_36b5f8492f5ef7a70bc3dc69eadc6c5e } from '@/components/admin/Review/ReviewField'
import { HeadlineLength as HeadlineLength_d04197ed8532e2147d3a9166b05813f5 } from '@/components/admin/Editor/HeadlineLength'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ComparisonTableLabel as ComparisonTableLabel_155d5a486dc0ce04669d75f001e02b74 } from '@/blocks/ComparisonTable/Label'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SectionConflict as SectionConflict_17d66a9bbb928a3ed3eae126278987c5 } from '../../../src/components/admin/Coediting/SectionConflict'
import { SectionRowLabel as SectionRowLabel_b9882efffc6b1cfc8a9684334d1d2dc4 } from '../../../src/components/admin/SectionRowLabel'
import { ArticleLength as ArticleLength_0c0a6c3c86ccadea21804d64c143e264 } from '@/components/admin/Editor/ArticleLength'
import { ChecklistPanel as ChecklistPanel_2dc45ff36592694e642d94fdcb7de5b5 } from '@/components/admin/Checklist/ChecklistPanel'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { ImportArticle as ImportArticle_073a09c3e75805a4578a7876abb1118a } from '@/components/admin/Import/ImportArticle'
import { ImportArchive as ImportArchive_860dbcc1baf94f1fb8e2ed5b02a55bb4 } from '@/components/admin/Import/ImportArchive'
import { ViewOnSite as ViewOnSite_7ec6b657976a94104cf18dc2a54abed2 } from '@/components/admin/Editor/ViewOnSite'
import { Presence as Presence_cbafdcc73e5d3225a5c0f25b0311c144 } from '@/components/admin/Presence/Presence'
import { TableGrid as TableGrid_25ace3cc65f2c0a9cfcf9dabdb56bb51 } from '@/components/admin/TableGrid'
import { RowsInGrid as RowsInGrid_3f521a27b53a0b0fc00d2464307bb14a } from '@/components/admin/TableGrid/RowsInGrid'
import { StatusFilters as StatusFilters_554a1dceba049dff8f5cf8605d67baf4 } from '@/components/admin/Moderation/StatusFilters'
import { ModerationActions as ModerationActions_6d8bc94e5b11ecde1633dc70a03298e9 } from '@/components/admin/Moderation/ModerationActions'
import { PinNotice as PinNotice_57329b909c7979d261984dd8a41e9962 } from '@/components/admin/FrontPage/PinNotice'
import { MostReadNavLink as MostReadNavLink_74d0eda283098e788a5e822060eddf76 } from '@/components/admin/MostRead/NavLink'
import { ReviewQueue as ReviewQueue_01e7ce9fe6a159943c68e0585b00a832 } from '@/components/admin/Review/ReviewQueue'
import { PendingCount as PendingCount_7cfb9fbcef48cf06295227f1f2f2372f } from '@/components/admin/Moderation/PendingCount'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { MostReadView as MostReadView_5aa623745af382ae2e5715dca66e4ea3 } from '@/components/admin/MostRead/MostReadView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/admin/Coediting/FieldConflicts#FieldConflicts": FieldConflicts_5a1cc45c99dbce0ea3966f07b2f3b0bb,
  "@/components/admin/Review/ReviewField#ReviewField": ReviewField_36b5f8492f5ef7a70bc3dc69eadc6c5e,
  "@/components/admin/Editor/HeadlineLength#HeadlineLength": HeadlineLength_d04197ed8532e2147d3a9166b05813f5,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@/blocks/ComparisonTable/Label#ComparisonTableLabel": ComparisonTableLabel_155d5a486dc0ce04669d75f001e02b74,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/admin/Coediting/SectionConflict#SectionConflict": SectionConflict_17d66a9bbb928a3ed3eae126278987c5,
  "/src/components/admin/SectionRowLabel#SectionRowLabel": SectionRowLabel_b9882efffc6b1cfc8a9684334d1d2dc4,
  "@/components/admin/Editor/ArticleLength#ArticleLength": ArticleLength_0c0a6c3c86ccadea21804d64c143e264,
  "@/components/admin/Checklist/ChecklistPanel#ChecklistPanel": ChecklistPanel_2dc45ff36592694e642d94fdcb7de5b5,
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@/components/admin/Import/ImportArticle#ImportArticle": ImportArticle_073a09c3e75805a4578a7876abb1118a,
  "@/components/admin/Import/ImportArchive#ImportArchive": ImportArchive_860dbcc1baf94f1fb8e2ed5b02a55bb4,
  "@/components/admin/Editor/ViewOnSite#ViewOnSite": ViewOnSite_7ec6b657976a94104cf18dc2a54abed2,
  "@/components/admin/Presence/Presence#Presence": Presence_cbafdcc73e5d3225a5c0f25b0311c144,
  "@/components/admin/TableGrid#TableGrid": TableGrid_25ace3cc65f2c0a9cfcf9dabdb56bb51,
  "@/components/admin/TableGrid/RowsInGrid#RowsInGrid": RowsInGrid_3f521a27b53a0b0fc00d2464307bb14a,
  "@/components/admin/Moderation/StatusFilters#StatusFilters": StatusFilters_554a1dceba049dff8f5cf8605d67baf4,
  "@/components/admin/Moderation/ModerationActions#ModerationActions": ModerationActions_6d8bc94e5b11ecde1633dc70a03298e9,
  "@/components/admin/FrontPage/PinNotice#PinNotice": PinNotice_57329b909c7979d261984dd8a41e9962,
  "@/components/admin/MostRead/NavLink#MostReadNavLink": MostReadNavLink_74d0eda283098e788a5e822060eddf76,
  "@/components/admin/Review/ReviewQueue#ReviewQueue": ReviewQueue_01e7ce9fe6a159943c68e0585b00a832,
  "@/components/admin/Moderation/PendingCount#PendingCount": PendingCount_7cfb9fbcef48cf06295227f1f2f2372f,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@/components/admin/MostRead/MostReadView#MostReadView": MostReadView_5aa623745af382ae2e5715dca66e4ea3,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
