/**
 * Takes names and phone numbers out of a group's message text before it is stored. What is taken
 * out is handed back, to be kept sealed only while a worker may still need it for a case.
 */

export interface Removed {
  kind: 'phone' | 'name';
  value: string;
}

const PHONE_MARK = '[☎]';
const NAME_MARK = '[…]';

/** A number someone can be called on: "+996 555 123 456", "0555 12-34-56", "998901234567"; not a date. */
const PHONE =
  /(?<![\p{L}\p{N}])(?:\+\d(?:[\s()-]{0,2}\d){6,14}|\d(?:[\s()-]{0,2}\d){8,14})(?![\p{L}\p{N}])/gu;

/** "My name is …" in the group's languages, and the one or two words of the name that follow it. */
const INTRODUCTION =
  /(?<=(?:[Мм]еня зовут|[Мм]о[её] имя|[Mm]y name is|[Мм]енин атым|[Аа]тым|[Мм]енің атым|[Mm]ening ismim|[Ii]smim|[Нн]оми ман|[Нн]омам|نام من|اسم من)\s+)[\p{Lu}\p{Lo}][\p{L}'ʻʼ-]+(?:\s+[\p{Lu}\p{Lo}][\p{L}'ʻʼ-]+)?/gu;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Redactor {
  private readonly names: RegExp | null;

  /**
   * `knownNames`: how the export names its writers, and the names people gave of themselves in it;
   * their capitalised words are taken out wherever they recur. What a name carries in brackets
   * ("Нургуль (юрист)", "Азамат (айыл окмоту)") says what they do, not who they are, and stays.
   */
  constructor(knownNames: Iterable<string>) {
    const words = new Set<string>();
    for (const name of knownNames)
      for (const word of name.replace(/\([^)]*\)/gu, ' ').split(/[\s,.]+/u))
        if (/^[\p{Lu}\p{Lo}][\p{L}'ʻʼ-]{2,}$/u.test(word)) words.add(word);
    const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.names = sorted.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null;
  }

  /** The names people give of themselves ("Меня зовут Гулнара …"), to be taken out of every message. */
  static introducedNames(text: string): string[] {
    return text.match(INTRODUCTION) ?? [];
  }

  redact(text: string, marked: Removed[] = []): { text: string; removed: Removed[] } {
    const removed: Removed[] = [];
    let out = text;
    for (const m of marked) {
      if (!m.value || !out.includes(m.value)) continue;
      out = out.split(m.value).join(m.kind === 'phone' ? PHONE_MARK : NAME_MARK);
      removed.push(m);
    }
    out = out.replace(PHONE, (value) => {
      removed.push({ kind: 'phone', value });
      return PHONE_MARK;
    });
    out = out.replace(INTRODUCTION, (value) => {
      removed.push({ kind: 'name', value });
      return NAME_MARK;
    });
    if (this.names)
      out = out.replace(this.names, (value) => {
        removed.push({ kind: 'name', value });
        return NAME_MARK;
      });
    return { text: out, removed };
  }
}
