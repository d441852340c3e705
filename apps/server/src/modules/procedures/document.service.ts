import type { DocumentKind, zDocumentQuery } from '@komek/domain';
import type { z } from 'zod';
import { openOptional } from '../../platform/crypto.ts';
import { today } from '../../platform/dates.ts';
import type { Platform } from '../../platform/http.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import type { Actor } from '../../platform/policy.ts';
import { caseContext } from '../cases/cases.presenter.ts';
import { namesOfUsers, personsOfCases } from '../cases/cases.repo.ts';
import { getCase } from '../cases/cases.service.ts';
import { organisationName } from '../organisations/organisations.repo.ts';
import { presentPerson } from '../persons/persons.presenter.ts';
import { listDocuments } from '../persons/persons.repo.ts';
import { birthDateWords, DOCUMENT_STATUS_WORDS, DOCUMENT_TYPE_WORDS, letterDate } from './document-words.ts';
import { type DocumentFields, filledDocument, toDocx, toHtml } from './documents.ts';

/** Fills a letter from the case's main person and the case, as DOCX to edit or PDF to print. */
export async function generateDocument(
  platform: Platform,
  actor: Actor,
  caseId: string,
  kind: DocumentKind,
  q: z.infer<typeof zDocumentQuery>,
) {
  const theCase = await getCase(platform, actor, caseId, 'case.manage');
  const { db } = platform.database;
  const [main] = await personsOfCases(db, [caseId]);
  const person = presentPerson(main!.person, platform.cipher, {
    documents: await listDocuments(db, main!.person.id),
  });
  const orgName = await organisationName(db, theCase.orgId);
  const lawyer = theCase.assignedTo
    ? (await namesOfUsers(db, [theCase.assignedTo])).get(theCase.assignedTo)
    : undefined;
  const lang = q.locale;
  const fields: DocumentFields = {
    name: [person.familyName, person.givenName, person.patronymic].filter(Boolean).join(' '),
    birthDate: person.birthDate ? birthDateWords(person.birthDate, lang) : '',
    placeOfBirth: person.placeOfBirth ?? '',
    address: person.address ?? '',
    phone: person.phone ?? '',
    documents:
      (person.documents ?? [])
        .map(
          (d) =>
            `${DOCUMENT_TYPE_WORDS[lang][d.type]}${d.number ? ` ${d.number}` : ''} (${DOCUMENT_STATUS_WORDS[lang][d.status]})`,
        )
        .join('; ') || '—',
    circumstances: openOptional(platform.cipher, theCase.summaryEnc, caseContext(caseId, 'summary')) ?? '',
    caseNumber: theCase.caseNumber,
    date: letterDate(today(), lang),
    org: orgName,
    lawyer: lawyer ?? '',
  };
  const doc = filledDocument(kind, q.locale, fields);
  const body =
    q.format === 'pdf' ? await htmlToPdf(platform.config, toHtml(doc, q.locale)) : await toDocx(doc);
  return { body, filename: `${kind}-${theCase.caseNumber}-${q.locale}.${q.format}`, orgId: theCase.orgId };
}
