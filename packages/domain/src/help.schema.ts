import { z } from 'zod';
import { zClientId, zPastDate, zVersion } from './common.schema.ts';
import { LOCALES } from './locales.ts';

/** What the public help site explains, country by country. */
export const HELP_TOPICS = [
  'statelessness_determination',
  'birth_registration',
  'citizenship',
  'residence_registration',
  'asylum',
  'crossing_the_border',
  'rights_in_detention',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export const HELP_COUNTRIES = ['KG', 'KZ', 'UZ', 'TJ', 'TM'] as const;
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const zWording = (bodyMax: number) =>
  z.object({ title: z.string().trim().min(3).max(200), body: z.string().trim().min(20).max(bodyMax) });
const zWordings = (bodyMax: number) =>
  z
    .partialRecord(z.enum(LOCALES), zWording(bodyMax))
    .refine((texts) => Object.keys(texts).length > 0, { params: { code: 'wording_required' } });

export const zHelpArticleInput = z.object({
  id: zClientId,
  countryCode: z.enum(HELP_COUNTRIES),
  topic: z.enum(HELP_TOPICS),
  texts: zWordings(20_000),
  /** The day the text was last checked against the law and practice. */
  checkedOn: zPastDate,
});
export const zHelpArticleUpdate = zHelpArticleInput.omit({ id: true }).extend({ version: zVersion });
export const zHelpVersion = z.object({ version: zVersion });

export const zHelpArticle = z.object({
  id: z.uuid(),
  countryCode: z.enum(HELP_COUNTRIES),
  topic: z.enum(HELP_TOPICS),
  status: z.enum(ARTICLE_STATUSES),
  texts: z.partialRecord(z.enum(LOCALES), z.object({ title: z.string(), body: z.string() })),
  checkedOn: z.string(),
  submittedBy: z.string().nullable(),
  submittedById: z.uuid().nullable(),
  /** What the public reads now: its version, when, and who reviewed it; null before the first. */
  published: z
    .object({
      version: z.int(),
      at: z.string(),
      reviewedBy: z.string().nullable(),
      languages: z.array(z.string()),
    })
    .nullable(),
  version: z.int(),
});
export type HelpArticle = z.infer<typeof zHelpArticle>;

export const zHelpNoticeInput = z
  .object({
    id: zClientId,
    countryCode: z.enum(HELP_COUNTRIES),
    texts: zWordings(2_000),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  })
  .refine((n) => n.endsOn >= n.startsOn, { path: ['endsOn'], params: { code: 'validity_order' } });

export const zHelpNotice = z.object({
  id: z.uuid(),
  countryCode: z.enum(HELP_COUNTRIES),
  texts: z.partialRecord(z.enum(LOCALES), z.object({ title: z.string(), body: z.string() })),
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.int(),
});
export type HelpNotice = z.infer<typeof zHelpNotice>;
