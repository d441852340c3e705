import type { Person, ShareableField, SharedDetails } from '@komek/domain';

/**
 * Copies only the chosen fields, at the moment of sending. The receiver reads this copy and
 * nothing else, so a field not chosen here cannot reach it by any later route.
 */
export function sharedSnapshot(
  fields: readonly ShareableField[],
  source: { person: Person; problems: string[]; caseSummary: string | null },
): SharedDetails {
  const { person } = source;
  const out: SharedDetails = {};
  for (const field of fields) {
    switch (field) {
      case 'name':
        out.name = [person.familyName, person.givenName, person.patronymic].filter(Boolean).join(' ');
        break;
      case 'sex':
        out.sex = person.sex;
        break;
      case 'birth_date':
        out.birthDate = person.birthDate;
        break;
      case 'phone':
        out.phone = person.phone;
        break;
      case 'languages':
        out.languages = person.languages;
        break;
      case 'district':
        out.districtId = person.districtId;
        break;
      case 'nationality_status':
        out.nationalityStatus = person.nationalityStatus;
        break;
      case 'population_type':
        out.populationType = person.populationType;
        break;
      case 'specific_needs':
        out.specificNeeds = person.specificNeeds;
        break;
      case 'documents':
        out.documents = (person.documents ?? []).map((d) => ({
          type: d.type,
          status: d.status,
          number: d.number,
        }));
        break;
      case 'problems':
        out.problems = source.problems as SharedDetails['problems'];
        break;
      case 'case_summary':
        out.caseSummary = source.caseSummary;
        break;
    }
  }
  return out;
}

const KEY_OF: Record<ShareableField, keyof SharedDetails> = {
  name: 'name',
  sex: 'sex',
  birth_date: 'birthDate',
  phone: 'phone',
  languages: 'languages',
  district: 'districtId',
  nationality_status: 'nationalityStatus',
  population_type: 'populationType',
  specific_needs: 'specificNeeds',
  documents: 'documents',
  problems: 'problems',
  case_summary: 'caseSummary',
};

/** An onward referral passes on a subset of what was received. */
export function narrowSnapshot(shared: SharedDetails, fields: readonly ShareableField[]): SharedDetails {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const key = KEY_OF[field];
    if (key in shared) out[key] = shared[key];
  }
  return out as SharedDetails;
}
