import type { ShareableField, SharedDetails } from '@komek/domain';
import { nameKeys } from '@komek/matching';

/** The details a message could carry that a referral may have chosen not to share. */
const CHECKED = ['name', 'phone', 'documents', 'birth_date'] as const satisfies readonly ShareableField[];
type Checked = (typeof CHECKED)[number];

const digitRuns = (text: string) =>
  (text.match(/\+?\d[\d\s().-]{4,}\d/g) ?? []).map((run) => run.replace(/\D/g, ''));
const compact = (text: string) => text.toUpperCase().replace(/[\s.-]/g, '');

function carries(message: string, field: Checked, known: SharedDetails): boolean {
  switch (field) {
    case 'name': {
      if (!known.name) return false;
      // Folded keys, so the name is found in any script or spelling (Жумабаев, Zhumabaev).
      const ofPerson = new Set(nameKeys(known.name).filter((k) => k.length >= 3));
      return nameKeys(message).some((k) => ofPerson.has(k));
    }
    case 'phone': {
      const phone = known.phone?.replace(/\D/g, '') ?? '';
      if (phone.length < 6) return false;
      const tail = phone.slice(-7);
      return digitRuns(message).some((run) => run.length >= 6 && (run.includes(tail) || phone.endsWith(run)));
    }
    case 'documents': {
      const text = compact(message);
      return (known.documents ?? []).some(
        (d) => !!d.number && compact(d.number).length >= 5 && text.includes(compact(d.number)),
      );
    }
    case 'birth_date': {
      // Only a date known to the day can be recognised in a message; a year alone is too common.
      const date = known.birthDate ?? '';
      if (date.length !== 10) return false;
      const [y, m, d] = date.split('-');
      return [date, `${d}.${m}.${y}`, `${d}/${m}/${y}`].some((form) => message.includes(form));
    }
  }
}

/**
 * Which details the referral did not share a message would pass on anyway: the thread follows the
 * referral's minimal-sharing choice, so the name, phone, document numbers and birth date of its
 * people reach the partner only if the referral shares them.
 */
export function unsharedDetailsIn(
  message: string,
  known: readonly SharedDetails[],
  shared: readonly ShareableField[],
): Checked[] {
  return CHECKED.filter(
    (field) => !shared.includes(field) && known.some((details) => carries(message, field, details)),
  );
}
