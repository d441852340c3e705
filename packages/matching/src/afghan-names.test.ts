import { describe, expect, it } from 'vitest';
import { BLOCKING_KEYS } from './blocking.ts';
import type { Finding } from './findings.ts';
import { foldGender, foldToken } from './fold.ts';
import { link } from './linkage.ts';
import { compare, DEFAULT_MODEL, frequenciesOf } from './model.ts';
import { fitsPersoArabic } from './perso-arabic.ts';
import type { PersonRecord } from './record.ts';
import { p } from './test-records.ts';

const fits = (dari: string, other: string) => fitsPersoArabic(foldToken(dari), foldToken(other));
const folded = (...names: string[]) => new Set(names.map((n) => foldGender(foldToken(n))));
const givenLevel = (a: string, b: string, freq = frequenciesOf([])) =>
  compare(p('1', a, 'Noori', '1990'), p('2', b, 'Noori', '1990'), freq).reasons.find((r) =>
    r.startsWith('given name'),
  );

describe('Perso-Arabic long vowels', () => {
  it('reads the long vowels the script writes: حسین is Hussain, never Hasan', () => {
    for (const other of ['Hussain', 'Hussein', 'Ҳусейн', 'Хусейн'])
      expect(fits('حسین', other), other).toBe(true);
    expect(fits('حسین', 'Hasan')).toBe(false);
    expect(fits('حسن', 'Hasan')).toBe(true);
    expect(fits('حسن', 'Hussain')).toBe(false);
    expect(fits('ظاهر', 'Zahir')).toBe(true);
    expect(fits('ظاهر', 'Zahra')).toBe(false);
    expect(fits('محمدی', 'Mohammadi')).toBe(true);
    expect(fits('محمدی', 'Mohammad')).toBe(false);
  });

  it('takes ی before a vowel letter as a y folding may drop, and a closing ی as a', () => {
    for (const [dari, other] of [
      ['قیوم', 'Каюм'],
      ['همایون', 'Humayun'],
      ['ثریا', 'Soraya'],
      ['یوسف', 'Yousuf'],
      ['کبری', 'Kubra'],
      ['کبری', 'Кубро'],
      ['عایشه', 'Ойша'],
      ['فاطمه', 'Фотима'],
      ['داوود', 'Daud'],
    ])
      expect(fits(dari!, other!), `${dari} ${other}`).toBe(true);
  });

  it('keeps twins named Hasan and Hussain apart in any script', () => {
    const c = compare(
      p('1', 'حسین', 'احمدزی', '1370/05/02', { sex: 'm' }),
      p('2', 'Hasan', 'Ahmadzai', '1991-07-24', { sex: 'm' }),
      frequenciesOf([]),
    );
    expect(c.reasons).toContain('given name disagree');
    expect(c.probability).toBeLessThan(0.9);
  });
});

describe('spellings of Afghan names', () => {
  it('folds doubled vowels, -eh, Dj and a doubled y as the romanisations write them', () => {
    expect(folded('Dawood', 'Davud').size).toBe(1);
    expect(folded('Naseer', 'Nasir').size).toBe(1);
    expect(folded('Alizadeh', 'Alizada').size).toBe(1);
    expect(folded('Djamshid', 'Jamshid').size).toBe(1);
    expect(folded('Sayyid', 'Сайид', 'Said').size).toBe(1);
    // In Cyrillic ее is two letters, and дҷ two sounds.
    expect(foldToken('Сергеевич')).toBe('sergevich');
    expect(foldToken('Муҳаммадҷалил')).toBe('muhamadjalil');
  });

  it('reads the article of Abd-al- before a sun letter as the spellings do', () => {
    const keys = ['Abdul Rahman', 'Abdurrahman', 'عبدالرحمن', 'Абдураҳмон'].map((n) =>
      p('x', n, 'Noori', null),
    );
    expect(new Set(keys.map((r) => r.givenSk)).size).toBe(1);
    expect(p('x', 'Abdul Karim', 'Noori', null).given).toBe('abdulkarim');
  });

  it('joins two-part names written apart or together, in the given and the family name', () => {
    const a = p('1', 'Mohammad Karim', '', '1980', { patronymic: 'Ahmad' });
    expect(a.given).toBe('muhamadkarim');
    expect(givenLevel('Mohammad Karim', 'Муҳаммадкарим')).toBe('given name exact');
    expect(givenLevel('محمد کریم', 'Муҳаммадкарим')).toBe('given name exact');
    expect(p('2', 'Zabiullah', 'Mir Said', null).family).toBe('mirsaid');
  });

  it('reads a letter doubled where two words of a name meet once, as folding reads one word', () => {
    expect(givenLevel('نور رحمت', 'Нурраҳмат')).toBe('given name exact');
    expect(givenLevel('Noor Rahim', 'Нурраҳим')).toBe('given name exact');
    // Within one word a doubled letter stays: ش and ه of عایشه are two letters.
    expect(givenLevel('عایشه', 'Ойша')).toBe('given name exact');
  });

  it('counts a digraph as one consonant: Shakila and Shohvali are two names, not a slip', () => {
    expect(['given name near', 'given name disagree']).toContain(givenLevel('شکیلا', 'Шоҳвалӣ'));
    expect(givenLevel('شکیلا', 'Шакила')).toBe('given name exact');
  });

  it("leaves a woman's given name its ending: Amina is not Amin", () => {
    expect(p('1', 'Amina', 'Akbari', null).given).toBe('amina');
    expect(givenLevel('Amina', 'AMENEH')).toBe('given name slip');
    // A family name ending -ina still folds to the man's form.
    expect(p('2', 'Zarina', 'Ilyina', null).family).toBe('ilyin');
  });

  it('reads a family name that stands in the given-name column with the ending an office gave it', () => {
    const c = compare(
      p('1', 'سید انور', 'امیری', '۱۳۴۴', { sex: 'm' }),
      p('2', 'АМИРОВ', 'САЙИДАНВАР', '1966-01-08', { sex: 'm' }),
      frequenciesOf([]),
    );
    expect(c.reasons).toEqual(
      expect.arrayContaining(['family name close', 'given name exact', 'names swapped']),
    );
    expect(c.probability).toBeGreaterThan(0.5);
  });

  it('hears a consonant as another language does, and a vowel coloured as Tajik writes it', () => {
    expect(givenLevel('Ibrahim', 'Ибрагим')).toBe('given name slip');
    expect(givenLevel('Ebrahim', 'Ибрагим')).toBe('given name close');
    expect(givenLevel('Narges', 'Наргиз')).toBe('given name close');
    expect(givenLevel('Fatema', 'Фотима')).toBe('given name close');
    expect(givenLevel('Zahra', 'Зуҳро')).toBe('given name close');
    expect(givenLevel('Zabiullah', 'Забеҳулло')).toBe('given name close');
    expect(givenLevel('Daud', 'Довуд')).toBe('given name close');
    // Their vowels elsewhere: two names.
    expect(['given name near', 'given name disagree']).toContain(givenLevel('Zahir', 'Zahra'));
  });

  it('reads three consonants alike as one name when both spellings are long, and short ones apart', () => {
    expect(givenLevel('Yasmeen', 'Ёсумин')).toBe('given name close');
    expect(givenLevel('Асан', 'Үсөн')).not.toBe('given name close');
  });

  it('reads the я that Russian writes after a consonant as a closing ه', () => {
    expect(fits('جمیله', 'Джамиля')).toBe(true);
    expect(givenLevel('جمیله', 'Джамиля')).toBe('given name exact');
    expect(fits('رقیه', 'Рукия')).toBe(true);
    // Only a closing ه: حمید is not Хамидя.
    expect(fits('حمید', 'Хамидя')).toBe(false);
  });

  it('weighs a name spelled close to the other, or mistyped, by how common the commoner spelling is', () => {
    const crowd = [
      ...Array.from({ length: 200 }, (_, i) => p(`z${i}`, i % 2 ? 'Zahra' : 'Зуҳро', `F${i}`, null)),
      ...Array.from({ length: 4 }, (_, i) => p(`y${i}`, i % 2 ? 'Yasmeen' : 'Ёсумин', `F${i}`, null)),
      ...Array.from({ length: 2000 }, (_, i) => p(`o${i}`, `G${i}`, `F${i}`, null)),
    ];
    const freq = frequenciesOf(crowd);
    const bits = (a: string, b: string) => {
      const parts: Finding[] = [];
      compare(p('1', a, 'Noori', '1990'), p('2', b, 'Noori', '1990'), freq, DEFAULT_MODEL, parts);
      return parts.find((x) => x.field === 'given')!;
    };
    const common = bits('Zahra', 'Зуҳро');
    const rare = bits('Yasmeen', 'Ёсумин');
    expect([common.outcome, rare.outcome]).toEqual(['close', 'close']);
    expect(rare.bits).toBeGreaterThan(common.bits + 2);
    // A spelling carried by a record or two is mostly a typo: it counts as no rarer than the floor.
    const { spelled, close } = DEFAULT_MODEL.name;
    expect(rare.bits).toBeCloseTo(Math.log2(spelled.close[0] / spelled.close[1]), 6);
    // A family name as well: Humayunzada ~ Ҳумоюнзода, spelled on no other record, at the floor.
    const parts: Finding[] = [];
    compare(
      p('1', 'Ali', 'Humayunzada', null),
      p('2', 'Ali', 'Ҳумоюнзода', null),
      freq,
      DEFAULT_MODEL,
      parts,
    );
    expect(parts.find((x) => x.field === 'family')).toMatchObject({ outcome: 'close', bits: rare.bits });
    // A slip of the keyboard likewise: of the common Zahra it says less than of the rare Yasmeen.
    const commonSlip = bits('Zahra', 'Zarha');
    const rareSlip = bits('Yasmeen', 'Yasmene');
    expect([commonSlip.outcome, rareSlip.outcome]).toEqual(['slip', 'slip']);
    expect(rareSlip.bits).toBeGreaterThan(commonSlip.bits + 2);
    expect(rareSlip.bits).toBeCloseTo(Math.log2(spelled.slip[0] / spelled.slip[1]), 6);
    // A name with an ending more shares the consonants but is another name: the fixed weight.
    const ending = bits('Feruza', 'Feruzaoy');
    expect(ending.outcome).toBe('close');
    expect(ending.bits).toBeCloseTo(Math.log2(close[0] / close[1]), 6);
  });

  it('takes two names in wide use a consonant apart, or a man and a woman, for two people', () => {
    const crowd = [
      ...['Karim', 'Kasim', 'Aziz', 'Aziza', 'Rushana', 'Roshana'].flatMap((n) =>
        Array.from({ length: 20 }, (_, i) => p(`${n}${i}`, n, `F${i}`, null)),
      ),
      ...Array.from({ length: 2000 }, (_, i) => p(`o${i}`, `G${i}`, `F${i}`, null)),
    ];
    const freq = frequenciesOf(crowd);
    expect(givenLevel('Karim', 'Kasim', freq)).toBe('given name disagree');
    expect(givenLevel('Aziz', 'Aziza', freq)).toBe('given name disagree');
    // A vowel changed is a spelling.
    expect(givenLevel('Rushana', 'Roshana', freq)).toBe('given name slip');
    // Unknown names a letter apart are a slip of the keyboard.
    expect(givenLevel('Karim', 'Kaaim', freq)).toBe('given name slip');
  });
});

describe('linking Afghan lists', () => {
  it('brings swapped columns and sound-alike consonants into one block', () => {
    const key = BLOCKING_KEYS.find((k) => k.name === 'name skeletons')!.key;
    expect(key(p('1', 'Ibrahim', 'Homayouni', null))).toBe(key(p('2', 'Хумаюнов', 'Ибрагим', null)));
    expect(key(p('1', 'نیلوفر', 'ابراهیمزاده', null))).toBe(key(p('2', 'Иброҳимзода', 'Нилуфар', null)));
    const father = BLOCKING_KEYS.find((k) => k.name === "given+father's name skeletons")!.key;
    expect(father(p('1', 'Hameeda', '', null, { patronymic: 'Zabihullah' }))).toBe(
      father(p('2', 'Забеҳулло', 'Ҳамида', null)),
    );
  });

  it('compares a record with one name and a record with that name in the other column', () => {
    const left = [
      p('L1', 'Mir Habeeb', '', '1378/02/21', { patronymic: 'Nur Jamshid' }),
      p('L2', 'عبدالله', '', '1360/10/04', { patronymic: 'علی', sex: 'مرد' }),
      p('L3', 'Maryam', '', '1975', { patronymic: 'Ameen', sex: 'f' }),
    ];
    const right = [
      p('R1', 'Нурҷамшедов', 'Мирҳабиб', '1999-05-11', { patronymic: 'Нурҷамшедович', sex: 'm' }),
      p('R2', 'Ali', 'Abdul Lah', '1981-12-25', { patronymic: 'Ali', sex: 'm' }),
      p('R3', 'Ameen', 'Mariam', '1975', { sex: 'f' }),
    ];
    const linked = link(left, right).pairs.map((x) => `${left[x.left]!.id}-${right[x.right]!.id}`);
    expect(linked.sort()).toEqual(['L1-R1', 'L2-R2', 'L3-R3']);
  });

  it('keeps the keys that do without family names for lists that need them', () => {
    const dari = [p('L1', 'حمیده', '', '1360', { patronymic: 'ذبیح‌الله' })];
    const tajik = [p('R1', 'Ҳамида', 'Забеҳуллоева', '1981')];
    const cyrillic = [p('R2', 'Айгуль', 'Асанова', '1981')];
    expect(link(dari, tajik).stats.keysInForce).toContain('given skeleton+year');
    expect(link(tajik, cyrillic).stats.keysInForce).not.toContain('given skeleton+year');
  });

  it('links no one among namesakes that nothing tells apart', () => {
    const fatima = (id: string, extra: Partial<PersonRecord> = {}) =>
      p(id, 'فاطمه', '', '1962', { sex: 'f', ...extra });
    const five = Array.from({ length: 5 }, (_, i) => p(`R${i}`, 'Фатима', '', '1962', { sex: 'f' }));
    expect(link([fatima('L1')], five).pairs).toEqual([]);
    expect(link([fatima('L1')], five.slice(0, 1)).pairs).toHaveLength(1);
  });

  it('links the namesake left over once the other has its own, likelier partner', () => {
    const left = [
      p('L1', 'Fatima', 'Karimi', null, { sex: 'f' }),
      p('L2', 'Fatima', 'Karimi', '1980-02-03', { sex: 'f', patronymic: 'Ahmad' }),
    ];
    const right = [
      p('R1', 'Фатима', 'Каримӣ', '1980-02-03', { sex: 'f', patronymic: 'Аҳмадовна' }),
      p('R2', 'Фатима', 'Каримӣ', null, { sex: 'f' }),
    ];
    const linked = link(left, right, { model: { ...DEFAULT_MODEL, priorLog2: -6 } }).pairs.map(
      (x) => `${left[x.left]!.id}-${right[x.right]!.id}`,
    );
    expect(linked.sort()).toEqual(['L1-R2', 'L2-R1']);
  });
});
