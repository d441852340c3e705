import { grantedScope, type StoryStatus, type zStory, type zStoryUpdate } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional } from '../../platform/crypto.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { escapeHtml } from '../../platform/pdf.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { listInterventions } from '../cases/case-activity.repo.ts';
import { caseContext } from '../cases/cases.presenter.ts';
import { getCase } from '../cases/cases.service.ts';
import { organisationName } from '../organisations/organisations.repo.ts';
import { documentContext } from '../persons/persons.presenter.ts';
import * as repo from './stories.repo.ts';
import { redact } from './story-redaction.ts';

type Row = repo.StoryRow;
const storyContext = (id: string) => `success_stories.body:${id}`;

const WINS = new Set([
  'nationality_acquired',
  'nationality_confirmed',
  'document_issued',
  'status_granted',
  'residence_permit_granted',
  'appeal_won',
]);

async function identifiersOf(platform: Platform, caseId: string) {
  const { people, documents: docs, consenting } = await repo.peopleOfCase(platform.database.db, caseId);
  const ids = people.map((p) => p.id);
  return {
    identifiers: {
      names: people.flatMap((p) => [
        p.givenName,
        p.familyName,
        p.patronymic ?? '',
        p.latinName ?? '',
        ...p.aliases,
      ]),
      documentNumbers: docs
        .map((d) => openOptional(platform.cipher, d.numberEnc, documentContext(d.id)))
        .filter((n): n is string => !!n),
    },
    // Every person in the story must have agreed to its publication.
    consentToPublish: ids.length > 0 && ids.every((id) => consenting.has(id)),
  };
}

async function present(platform: Platform, row: Row): Promise<z.infer<typeof zStory>> {
  const { db } = platform.database;
  const caseNumber = await repo.caseNumberOf(db, row.caseId);
  const { consentToPublish } = await identifiersOf(platform, row.caseId);
  const approver = row.approvedBy ? await repo.userName(db, row.approvedBy) : null;
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber,
    title: row.title,
    body: platform.cipher.decrypt(row.bodyEnc, storyContext(row.id)),
    tags: row.tags,
    status: row.status,
    consentToPublish,
    approvedBy: approver ?? null,
    version: row.version,
  };
}

/** A first draft from a closed case that ended well: what was at stake, what was done, how it ended. */
export async function draftStory(platform: Platform, actor: Actor, caseId: string) {
  authorize(actor, 'results.manage');
  const theCase = await getCase(platform, actor, caseId);
  if (theCase.status !== 'closed' || !theCase.outcome || !WINS.has(theCase.outcome))
    throw new AppError('conflict', { reason: 'case_not_won' });
  const { identifiers } = await identifiersOf(platform, caseId);
  const actions = await listInterventions(platform.database.db, caseId);
  const summary = openOptional(platform.cipher, theCase.summaryEnc, caseContext(caseId, 'summary'));
  const problems = theCase.problems.map((p) => p.replaceAll('_', ' ')).join(', ');
  const draft = [
    `A ${theCase.populationType?.replaceAll('_', ' ') ?? ''} person came to us about ${problems}.`,
    summary ?? '',
    `Over ${actions.length} ${actions.length === 1 ? 'action' : 'actions'} (${[...new Set(actions.map((a) => a.type.replaceAll('_', ' ')))].join(', ')}), the lawyers worked the case to its end.`,
    `Outcome: ${theCase.outcome.replaceAll('_', ' ')}.`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const id = uuidv7();
  const row = await repo.insertStory(platform.database.db, {
    id,
    orgId: theCase.orgId,
    caseId,
    title: `${theCase.outcome.replaceAll('_', ' ')}: ${problems}`.slice(0, 200),
    bodyEnc: platform.cipher.encrypt(redact(draft, identifiers), storyContext(id)),
    tags: theCase.problems,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  return present(platform, row);
}

/** Drafts still carry what review takes out: only those who write or approve stories read them. */
const readsDrafts = (actor: Actor) =>
  !!grantedScope(actor.role, actor.platformAdmin, 'results.manage') ||
  !!grantedScope(actor.role, actor.platformAdmin, 'story.approve');

export async function listStories(platform: Platform, actor: Actor, status?: StoryStatus) {
  authorize(actor, 'results.read');
  const onlyApproved = !readsDrafts(actor);
  const rows = await repo.storiesOf(platform.database.db, actor.orgId, status, onlyApproved);
  return Promise.all(rows.map((r) => present(platform, r)));
}

/** Edits are redacted again on save: a reviewer who types a name back in does not publish it. */
export async function updateStory(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.infer<typeof zStoryUpdate>,
) {
  const { db } = platform.database;
  const current = await repo.findStory(db, id);
  assertCan(actor, 'results.manage', current);
  if (current.version !== input.version) throw versionConflict(current.version);
  const { identifiers } = await identifiersOf(platform, current.caseId);
  const values: Partial<Row> = {
    updatedBy: actor.userId,
    updatedAt: new Date(),
    version: current.version + 1,
  };
  if (input.title) values.title = redact(input.title, identifiers);
  if (input.body) values.bodyEnc = platform.cipher.encrypt(redact(input.body, identifiers), storyContext(id));
  if (input.tags) values.tags = input.tags;
  if (input.status) {
    if (input.status === 'approved')
      throw new AppError('validation_failed', {
        issues: [{ path: 'status', in: 'body', code: 'use_approve', message: 'approval has its own step' }],
      });
    values.status = input.status;
  }
  const row = await repo.updateStoryVersioned(db, id, input.version, values);
  if (!row) throw versionConflict(current.version);
  return present(platform, row);
}

/** Approval needs the approver's grant and every person's consent to publication. */
export async function approveStory(platform: Platform, actor: Actor, id: string, version: number) {
  const { db } = platform.database;
  const current = await repo.findStory(db, id);
  assertCan(actor, 'story.approve', current);
  if (current.version !== version) throw versionConflict(current.version);
  const { consentToPublish } = await identifiersOf(platform, current.caseId);
  if (!consentToPublish) throw new AppError('conflict', { reason: 'no_publication_consent' });
  const row = await repo.updateStoryVersioned(db, id, version, {
    status: 'approved',
    approvedBy: actor.userId,
    approvedAt: new Date(),
    updatedBy: actor.userId,
    updatedAt: new Date(),
    version: current.version + 1,
  });
  if (!row) throw versionConflict(current.version);
  return present(platform, row);
}

/** The approved stories as one printable collection. */
export async function storiesHtml(platform: Platform, actor: Actor) {
  const approved = await listStories(platform, actor, 'approved');
  const orgName = await organisationName(platform.database.db, actor.orgId);
  const e = escapeHtml;
  return {
    count: approved.length,
    html: `<!doctype html><html><head><meta charset="utf-8"><title>${e(orgName)}: stories</title>
<style>body{font-family:'Noto Serif','DejaVu Serif',serif;font-size:11pt}article{page-break-inside:avoid;margin-bottom:10mm}
h2{font-size:13pt;margin-bottom:1mm}.tags{color:#555;font-size:9pt}</style></head><body><h1>${e(orgName)}</h1>
${approved
  .map(
    (s) =>
      `<article><h2>${e(s.title)}</h2><div class="tags">${e(s.tags.join(' · '))}</div>${s.body
        .split(/\n{2,}/)
        .map((p) => `<p>${e(p)}</p>`)
        .join('')}</article>`,
  )
  .join('')}</body></html>`,
  };
}
