import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zHelpArticle,
  zHelpArticleInput,
  zHelpArticleUpdate,
  zHelpNotice,
  zHelpNoticeInput,
  zHelpVersion,
} from '../help.schema.ts';

const tags = ['public help site'];
const write = { permission: 'help.write' } as const;
const publish = { permission: 'help.publish' } as const;

/** What the organisation tells the public on /help: articles (written, reviewed, published) and notices. */
export const helpApi = {
  articles: contract({
    method: 'GET',
    path: '/help-content/articles',
    tags,
    access: write,
    response: zItems(zHelpArticle),
  }),
  createArticle: contract({
    method: 'POST',
    path: '/help-content/articles',
    tags,
    access: write,
    body: zHelpArticleInput,
    status: 201,
    response: zHelpArticle,
    audit: 'help.article_created',
  }),
  /** A published article edited becomes a draft again; the public keeps reading the published text. */
  updateArticle: contract({
    method: 'PUT',
    path: '/help-content/articles/:id',
    tags,
    access: write,
    params: zIdParams,
    body: zHelpArticleUpdate,
    response: zHelpArticle,
    audit: 'help.article_updated',
  }),
  submitArticle: contract({
    method: 'POST',
    path: '/help-content/articles/:id/submit',
    tags,
    access: write,
    params: zIdParams,
    body: zHelpVersion,
    response: zHelpArticle,
    audit: 'help.article_submitted',
  }),
  /** By a reviewer who is not the one who submitted it; each publication is kept as a version. */
  publishArticle: contract({
    method: 'POST',
    path: '/help-content/articles/:id/publish',
    tags,
    access: publish,
    params: zIdParams,
    body: zHelpVersion,
    response: zHelpArticle,
    audit: 'help.article_published',
  }),
  withdrawArticle: contract({
    method: 'POST',
    path: '/help-content/articles/:id/withdraw',
    tags,
    access: publish,
    params: zIdParams,
    body: zHelpVersion,
    response: zHelpArticle,
    audit: 'help.article_withdrawn',
  }),
  notices: contract({
    method: 'GET',
    path: '/help-content/notices',
    tags,
    access: write,
    response: zItems(zHelpNotice),
  }),
  createNotice: contract({
    method: 'POST',
    path: '/help-content/notices',
    tags,
    access: publish,
    body: zHelpNoticeInput,
    status: 201,
    response: zHelpNotice,
    audit: 'help.notice_published',
  }),
  /** Takes a notice down today (a crossing open again). */
  endNotice: contract({
    method: 'POST',
    path: '/help-content/notices/:id/end',
    tags,
    access: publish,
    params: zIdParams,
    body: zHelpVersion,
    response: zHelpNotice,
    audit: 'help.notice_ended',
  }),
};
