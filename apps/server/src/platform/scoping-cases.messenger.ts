import { expect } from 'vitest';
import { type Cases, empty, type World } from './scoping-cases.ts';

/** Scoping cases of the district messenger groups: each aimed at organisation B's group and messages. */
export function scopingCasesOfMessenger({ bIds }: World): Cases {
  const group = `/api/messenger/groups/${bIds.messengerGroup}`;
  const message = `/api/messenger/messages/${bIds.messengerMessage}`;
  const chat = Buffer.from('14.03.2026, 10:17 - A writer: A question?\n').toString('base64');
  return {
    'GET /api/messenger/groups': () => ({ url: '/api/messenger/groups', expectStatus: 200, check: empty }),
    'POST /api/messenger/groups': () => ({
      url: '/api/messenger/groups',
      payload: { name: 'A district group', platform: 'telegram', districtId: 'KG-O-ARAVAN' },
      expectStatus: 201,
    }),
    'PATCH /api/messenger/groups/:id': () => ({
      url: group,
      payload: { version: 1, name: 'Taken over' },
      expectStatus: 404,
    }),
    'POST /api/messenger/groups/:id/imports': () => ({
      url: `${group}/imports`,
      payload: { filename: 'chat.txt', contentBase64: chat },
      expectStatus: 404,
    }),
    'GET /api/messenger/groups/:id/authors': () => ({ url: `${group}/authors`, expectStatus: 404 }),
    'PATCH /api/messenger/groups/:id/authors/:authorId': () => ({
      url: `${group}/authors/${bIds.messengerAuthor}`,
      payload: { version: 1, role: 'ours' },
      expectStatus: 404,
    }),
    'GET /api/messenger/stats': () => ({
      url: `/api/messenger/stats?year=2026`,
      expectStatus: 200,
      text: (body) => expect(body).not.toContain(bIds.messengerGroup),
    }),
    'GET /api/messenger/messages': () => ({
      url: `/api/messenger/messages?groupId=${bIds.messengerGroup}`,
      expectStatus: 200,
      check: empty,
    }),
    'POST /api/messenger/messages/:id/mark': () => ({
      url: `${message}/mark`,
      payload: { version: 1, status: 'dismissed' },
      expectStatus: 404,
    }),
    'POST /api/messenger/messages/:id/original': () => ({ url: `${message}/original`, expectStatus: 404 }),
    'POST /api/messenger/messages/:id/consultation': () => ({
      url: `${message}/consultation`,
      payload: { version: 1, personId: bIds.person, problems: ['other'] },
      expectStatus: 404,
    }),
    'POST /api/messenger/messages/:id/intake': () => ({
      url: `${message}/intake`,
      payload: { version: 1, problems: ['other'], keepContact: true },
      expectStatus: 404,
    }),
  };
}
