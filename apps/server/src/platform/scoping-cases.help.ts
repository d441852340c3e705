import { expect } from 'vitest';
import { type Cases, empty, type World } from './scoping-cases.ts';

/** Scoping cases of the public help site's content: B's draft article and notice stay B's. */
export function scopingCasesOfHelp({ bIds }: World): Cases {
  const article = `/api/help-content/articles/${bIds.helpArticle}`;
  const wording = { en: { title: 'Our own article', body: 'Written by organisation A for the public.' } };
  return {
    'GET /api/help-content/articles': () => ({
      url: '/api/help-content/articles',
      expectStatus: 200,
      check: empty,
      text: (body) => expect(body).not.toContain('Draft of B alone'),
    }),
    'POST /api/help-content/articles': () => ({
      url: '/api/help-content/articles',
      payload: { countryCode: 'KG', topic: 'asylum', texts: wording, checkedOn: '2026-11-01' },
      expectStatus: 201,
    }),
    'PUT /api/help-content/articles/:id': () => ({
      url: article,
      payload: { version: 1, countryCode: 'KG', topic: 'asylum', texts: wording, checkedOn: '2026-11-01' },
      expectStatus: 404,
    }),
    'POST /api/help-content/articles/:id/submit': () => ({
      url: `${article}/submit`,
      payload: { version: 1 },
      expectStatus: 404,
    }),
    'POST /api/help-content/articles/:id/publish': () => ({
      url: `${article}/publish`,
      payload: { version: 1 },
      expectStatus: 404,
    }),
    'POST /api/help-content/articles/:id/withdraw': () => ({
      url: `${article}/withdraw`,
      payload: { version: 1 },
      expectStatus: 404,
    }),
    'GET /api/help-content/notices': () => ({
      url: '/api/help-content/notices',
      expectStatus: 200,
      check: empty,
    }),
    'POST /api/help-content/notices': () => ({
      url: '/api/help-content/notices',
      payload: { countryCode: 'KG', texts: wording, startsOn: '2026-11-01', endsOn: '2026-11-02' },
      expectStatus: 201,
    }),
    'POST /api/help-content/notices/:id/end': () => ({
      url: `/api/help-content/notices/${bIds.helpNotice}/end`,
      payload: { version: 1 },
      expectStatus: 404,
    }),
  };
}
