import { foldGender, foldToken } from './fold.ts';
import { parseName } from './names.ts';

/** A person as batch linkage sees it: the columns of the `komek link` contract. */
export interface PersonRecord {
  id: string;
  firstName: string;
  lastName: string;
  patronymic?: string | null;
  sex?: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown. */
  dateOfBirth?: string | null;
}

/** The folded features that comparison and blocking use, computed once per record. */
export interface PreparedRecord {
  id: string;
  given: string;
  family: string;
  /** Every folded name token, for order-independent comparison. */
  tokens: string[];
  patronymic: string;
  sex: 'f' | 'm' | '';
  year: number;
  month: number;
  day: number;
}

function firstToken(value: string): string {
  const parsed = parseName(value);
  return parsed.tokens[0] ?? parsed.patronymic ?? '';
}

function normaliseSex(value: string | null | undefined): PreparedRecord['sex'] {
  const v = (value ?? '').trim().toLowerCase();
  if (['f', 'female', 'ж', 'жен', 'женский', 'a', 'ayol', 'аял', 'әйел'].includes(v)) return 'f';
  if (['m', 'male', 'м', 'муж', 'мужской', 'e', 'erkak', 'эркек', 'ер'].includes(v)) return 'm';
  return '';
}

export function prepareRecord(r: PersonRecord): PreparedRecord {
  const first = parseName(r.firstName);
  const last = parseName(r.lastName);
  const patronymicParsed = r.patronymic ? parseName(r.patronymic) : null;
  const patronymic =
    patronymicParsed?.patronymic ?? patronymicParsed?.tokens[0] ?? first.patronymic ?? last.patronymic ?? '';
  const [y = '', m = '', d = ''] = (r.dateOfBirth ?? '').trim().split('-');
  const tokens = [...first.tokens, ...last.tokens].map(foldGender);
  return {
    id: r.id,
    given: foldGender(first.tokens[0] ?? firstToken(r.firstName)),
    family: foldGender(last.tokens[0] ?? firstToken(r.lastName)),
    tokens,
    patronymic: patronymic ? foldGender(foldToken(patronymic)) : '',
    sex: normaliseSex(r.sex),
    year: Number(y) || 0,
    month: Number(m) || 0,
    day: Number(d) || 0,
  };
}
