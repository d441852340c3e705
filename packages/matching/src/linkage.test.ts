import { describe, expect, it } from 'vitest';
import { jaroWinkler } from './jaro-winkler.ts';
import { dedupe, januaryFirstAsYear, link, priorFor } from './linkage.ts';
import { compare, DEFAULT_MODEL, frequenciesOf } from './model.ts';
import { prepareList, prepareRecord } from './record.ts';
import { p } from './test-records.ts';

describe('preparing a list', () => {
  it('prepares each record as prepareRecord does, names kept once', () => {
    const raw = [
      {
        id: '1',
        firstName: 'Мухаммад Карим',
        lastName: 'Ахмадзай',
        patronymic: 'Абдулло',
        sex: 'м',
        dateOfBirth: '1365',
      },
      { id: '2', firstName: 'Muhammad Karim', lastName: 'Ahmadzai', dateOfBirth: '1986-05-01' },
      { id: '3', firstName: 'فاطمه', lastName: '', sex: 'زن', dateOfBirth: '1370/02/03' },
    ];
    expect(prepareList(raw)).toEqual(raw.map(prepareRecord));
  });
});

describe('blocking', () => {
  it('compares a pair whose columns are swapped and a name mistyped past its third letter', () => {
    const left = [p('L1', 'Karimhamidsultova', 'Dilnoza', '1998')];
    const right = [p('R1', 'Dilnota', 'Karimhamidsultova', '1998-03-05')];
    const { stats } = link(left, right);
    // Only the opening letters of both names, in either order, with the year bring them together.
    expect(stats.candidatePairs).toBe(1);
    expect(stats.pairsByKey[stats.keysInForce.indexOf('prefixes+year')]).toBe(1);
  });

  it('compares a pair with a slip in the family name when one side has no birth date', () => {
    const left = [p('L1', 'Nurlan', 'Osmonbekov', '1984-03-02')];
    const right = [p('R1', 'Nurlan', 'Osnonbekov', null)];
    const { stats, pairs } = link(left, right);
    expect(stats.pairsByKey[stats.keysInForce.indexOf('given+family2')]).toBe(1);
    expect(pairs).toHaveLength(1);
  });
});

describe('comparison', () => {
  const freq = frequenciesOf([]);

  it('matches the same person across scripts, spellings and partial dates', () => {
    const pairs: Array<[ReturnType<typeof p>, ReturnType<typeof p>]> = [
      [p('1', 'Бакыт', 'Жумабаев', '1984-03-02'), p('2', 'Bakyt', 'Zhumabaev', '1984')],
      [p('1', 'Дилноза', 'Ҳасанова', '1990-05-01'), p('2', 'Dilnoza', 'Xasanova', '1990-05')],
      [p('1', 'Ulugʻbek', 'Boʻriyev', '1971'), p('2', 'Улугбек', 'Буриев', '1971-11-30')],
      [p('1', 'Азамат', 'Асанов', '1975-01-01'), p('2', 'Asanov', 'Azamat', '1975-01-01')],
      [p('1', 'Aigerim', 'Jumabaeva', '2001-02-03'), p('2', 'Айгерім', 'Жұмабаева', '2001-03-02')],
    ];
    for (const [a, b] of pairs)
      expect(compare(a, b, freq).probability, `${a.given} ${a.family}`).toBeGreaterThanOrEqual(0.9);
  });

  it('forgives one slip of the keyboard in a name more than a different name', () => {
    const a = p('1', 'Gulchehra', 'Xasanboeva', '1960-01-12', { sex: 'f' });
    const slip = compare(a, p('2', 'Guchehra', 'Xasanboeva', '1960-01-12', { sex: 'f' }), freq);
    const other = compare(a, p('3', 'Gulnora', 'Xasanboeva', '1960-01-12', { sex: 'f' }), freq);
    expect(slip.reasons).toContain('given name slip');
    expect(slip.probability).toBeGreaterThanOrEqual(0.9);
    expect(other.probability).toBeLessThan(0.9);
  });

  it('reads a slip as written when folding carries the two spellings apart (Stiora, Irna, Ayugl)', () => {
    const slips: Array<[string, string, string]> = [
      ['Stiora', 'Sitora', 'Saidmirzoismoilova'],
      ['Irna', 'Irina', 'Pavllebedova'],
      ['Ayugl', 'Aygul', 'Usensulusenova'],
      ['Ttayana', 'Tatyana', 'Petrvolkova'],
    ];
    for (const [typed, name, family] of slips) {
      const c = compare(p('1', typed, family, '1995-07-06'), p('2', name, family, '1995-07-06'), freq);
      expect(c.reasons, typed).toContain('given name slip');
      expect(c.probability, typed).toBeGreaterThanOrEqual(0.9);
    }
    // Two names a letter apart are still two names, and the twins Асан and Усон stay apart.
    const crowd = [
      ...Array.from({ length: 40 }, (_, i) => p(`k${i}`, 'Karim', `F${i}`, null)),
      ...Array.from({ length: 40 }, (_, i) => p(`q${i}`, 'Kasim', `G${i}`, null)),
      ...Array.from({ length: 2000 }, (_, i) => p(`x${i}`, `N${i}`, `H${i}`, null)),
    ];
    const karim = compare(
      p('1', 'Karim', 'Osmonov', '1990'),
      p('2', 'Kasim', 'Osmonov', '1990'),
      frequenciesOf(crowd),
    );
    expect(karim.reasons).toContain('given name disagree');
    // A letter dropped from a four-letter name is a slip (Azz, Aziz); the twins Ali and Alim,
    // both names people are given, are two people.
    const known = frequenciesOf([
      ...crowd,
      ...Array.from({ length: 40 }, (_, i) => p(`a${i}`, 'Ali', `A${i}`, null)),
      ...Array.from({ length: 40 }, (_, i) => p(`m${i}`, 'Alim', `M${i}`, null)),
    ]);
    const azz = compare(
      p('1', 'Azz', 'Sobirboev', '2019-09-23'),
      p('2', 'Aziz', 'Sobirboev', '2019-09-23'),
      known,
    );
    expect(azz.reasons).toContain('given name slip');
    const twins = compare(
      p('1', 'Ali', 'Osmonov', '2010-04-04'),
      p('2', 'Alim', 'Osmonov', '2010-04-04'),
      known,
    );
    expect(twins.reasons).toContain('given name disagree');
    expect(twins.probability).toBeLessThan(0.9);
  });

  it('keeps twins, namesakes and relatives apart', () => {
    const twinA = p('1', 'Асан', 'Осмонов', '2010-04-04', { sex: 'm' });
    const twinB = p('2', 'Усон', 'Осмонов', '2010-04-04', { sex: 'm' });
    expect(compare(twinA, twinB, freq).probability).toBeLessThan(0.9);
    const namesakeA = p('1', 'Бакыт', 'Асанов', '1962');
    const namesakeB = p('2', 'Bakyt', 'Asanov', '1994-07-12');
    expect(compare(namesakeA, namesakeB, freq).probability).toBeLessThan(0.5);
    const sister = p('3', 'Айгуль', 'Осмонова', '2012-01-01', { sex: 'f' });
    expect(compare(twinA, sister, freq).probability).toBeLessThan(0.5);
  });

  it('gives a rare shared surname more weight than a common one', () => {
    const common = Array.from({ length: 200 }, (_, i) => p(String(i), `G${i}`, 'Асанов', null));
    const f = frequenciesOf([...common, p('r', 'X', 'Бейшеналиев', null)]);
    const rare = compare(
      p('a', 'Нурлан', 'Бейшеналиев', null),
      p('b', 'Nurlan', 'Beishenaliev', null),
      f,
    ).weight;
    const usual = compare(p('a', 'Нурлан', 'Асанов', null), p('b', 'Nurlan', 'Asanov', null), f).weight;
    expect(rare).toBeGreaterThan(usual + 3);
  });

  it('scores Jaro–Winkler as published', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('linkage and deduplication', () => {
  const left = [
    p('L1', 'Бакыт', 'Жумабаев', '1984-03-02'),
    p('L2', 'Гульнара', 'Садыкова', '1991'),
    p('L3', 'Фаррух', 'Раҳимов', '1988-08-08'),
  ];
  const right = [
    p('R1', 'Bakit', 'Jumabayev', '1984-03'),
    p('R2', 'Gulnara', 'Sadykova', '1991-06-01'),
    p('R3', 'Farrukh', 'Rakhimov', '1980-08-08'),
    p('R4', 'Aida', 'Sadykova', '1991-06-01'),
  ];

  it('links each person once and leaves the others out', () => {
    const { pairs, stats } = link(left, right);
    expect(pairs.map((x) => `${left[x.left]!.id}-${right[x.right]!.id}`).sort()).toEqual(['L1-R1', 'L2-R2']);
    expect(stats.candidatePairs).toBeGreaterThan(0);
  });

  it('compares no pair twice however many blocks it shares', () => {
    const same = [p('a', 'Азамат', 'Асанов', '1990-01-01'), p('b', 'Azamat', 'Asanov', '1990-01-01')];
    const { stats, pairs } = dedupe(same);
    expect(stats.candidatePairs).toBe(1);
    expect(pairs).toHaveLength(1);
  });

  it('clusters duplicates transitively and skips oversized blocks, counting them', () => {
    const records = [
      p('1', 'Нурлан', 'Мамытов', '1970-01-01'),
      p('2', 'Nurlan', 'Mamytov', '1970'),
      p('3', 'Nurlan', 'Mamitov', '1970-01'),
      p('4', 'Эрмек', 'Мамытов', '1972'),
    ];
    const { clusters } = dedupe(records);
    expect(clusters[0]).toBe(clusters[1]);
    expect(clusters[1]).toBe(clusters[2]);
    expect(clusters[3]).not.toBe(clusters[0]);
    const capped = dedupe(records, { maxBlockPairs: 1 });
    expect(capped.stats.skippedBlocks).toBeGreaterThan(0);
  });

  it('splits a block over the cap by its second key instead of skipping it, comparing no pair twice', () => {
    // Forty Bakyt Asanovs a side, born in forty different years: one block of 1,600 pairs.
    const left = Array.from({ length: 40 }, (_, i) =>
      p(`L${i}`, 'Бакыт', 'Асанов', `${1950 + i}-03-0${1 + (i % 9)}`),
    );
    const right = Array.from({ length: 40 }, (_, i) =>
      p(`R${i}`, 'Bakyt', 'Asanov', i === 7 ? '' : `${1950 + i}-03-0${1 + (i % 9)}`),
    );
    const seen = new Set<string>();
    let twice = 0;
    const { pairs, stats } = link(left, right, {
      maxBlockPairs: 100,
      onCandidate: (i, j) => {
        if (seen.has(`${i}-${j}`)) twice++;
        seen.add(`${i}-${j}`);
      },
    });
    expect(twice).toBe(0);
    expect(stats.splitBlocks).toBeGreaterThan(0);
    // Each born the same year is compared and linked; R7, without a date, against the whole block.
    const linked = new Map(pairs.map((x) => [left[x.left]!.id, right[x.right]!.id]));
    for (let i = 0; i < 40; i++) if (i !== 7) expect(linked.get(`L${i}`)).toBe(`R${i}`);
    expect(seen.has('7-7')).toBe(true);
    expect(stats.candidatePairs).toBeLessThan(1600);
  });
});

describe('rules from the held-out sets', () => {
  const freq = frequenciesOf([]);
  const score = (a: ReturnType<typeof p>, b: ReturnType<typeof p>) => compare(a, b, freq);

  it('credits a year one off with the same day and month, and counts two different full dates against', () => {
    const a = p('1', 'Нурлан', 'Осмонов', '1994-09-10');
    const slip = score(a, p('2', 'Nurlan', 'Osmonov', '1995-09-10'));
    const otherDay = score(a, p('3', 'Nurlan', 'Osmonov', '1995-03-22'));
    const yearOnly = score(a, p('4', 'Nurlan', 'Osmonov', '1994'));
    const twoDates = score(a, p('5', 'Nurlan', 'Osmonov', '1994-05-08'));
    expect(slip.weight).toBeGreaterThan(otherDay.weight + 8);
    expect(slip.reasons).toContain('birth year one apart, same day');
    expect(twoDates.reasons).toContain('different birth month and day');
    expect(twoDates.weight).toBeLessThan(yearOnly.weight - 6);
    expect(twoDates.weight).toBeLessThan(otherDay.weight + 1);
  });

  it("holds a different father's name as strong evidence against", () => {
    // Common names in a list of 100,000, as Ulugʻbek and Karimov are.
    const crowd = [
      ...Array.from({ length: 40 }, (_, i) => p(`u${i}`, 'Ulugbek', `F${i}`, null)),
      ...Array.from({ length: 80 }, (_, i) => p(`k${i}`, `G${i}`, 'Karimov', null)),
      ...Array.from({ length: 3880 }, (_, i) => p(`o${i}`, `G${i}`, `F${i}`, null)),
    ];
    const model = { ...DEFAULT_MODEL, priorLog2: priorFor(100_000) };
    const common = frequenciesOf(crowd);
    const a = p('1', 'Ulugʻbek', 'Karimov', '1980', { patronymic: 'Равшанович' });
    const conflict = compare(
      a,
      p('2', 'Улугбек', 'Каримов', '1980', { patronymic: 'Ulugʻbek oʻgʻli' }),
      common,
      model,
    );
    const agree = compare(
      a,
      p('3', 'Улугбек', 'Каримов', '1980', { patronymic: 'Ravshan oʻgʻli' }),
      common,
      model,
    );
    expect(conflict.reasons).toContain('patronymic disagree');
    expect(conflict.probability).toBeLessThan(0.5);
    expect(agree.probability).toBeGreaterThanOrEqual(0.9);
  });

  it('never links siblings one-to-one, whatever threshold is in force', () => {
    const left = [p('L1', 'Жанар', 'Сейитова', '2005-10-15', { sex: 'f' })];
    const right = [p('R1', 'Güzlhan', 'Seyitova', '2005-10-15', { sex: 'f' })];
    expect(score(left[0]!, right[0]!).probability).toBeGreaterThan(0.5);
    expect(link(left, right).pairs).toEqual([]);
  });

  it('reads a list whose unknown days are written 1 January as year-only', () => {
    const list = Array.from({ length: 50 }, (_, i) =>
      p(`x${i}`, 'A', 'B', i < 5 ? '1990-01-01' : `1990-03-${10 + (i % 15)}`),
    );
    const read = januaryFirstAsYear(list);
    expect(read.defaulted).toBe(true);
    expect(read.share).toBeCloseTo(0.1);
    expect(read.records[0]).toMatchObject({ year: 1990, month: 0, day: 0 });
    const rare = januaryFirstAsYear(list.slice(4).concat(list.slice(5)));
    expect(rare.defaulted).toBe(false);
  });

  it('matches Afghan names across Perso-Arabic, Cyrillic and Latin, with Solar Hijri years', () => {
    const pairs: Array<[ReturnType<typeof p>, ReturnType<typeof p>]> = [
      [
        p('1', 'محمد', 'کریمی', '1370', { sex: 'm' }),
        p('2', 'Муҳаммад', 'Каримов', '1991-08-01', { sex: 'm' }),
      ],
      [p('1', 'ذبیح‌الله', 'احمدزی', '1365/02/10'), p('2', 'Zabihullah', 'Ahmadzai', '1986-04-30')],
      [p('1', 'عبدالله', 'رحیمی', '1372'), p('2', 'Abdul Lah', 'Rahimzoda', '1994')],
      [p('1', 'Mohammed', 'Noori', '1988-01-05'), p('2', 'Мухаммад', 'Нури', '1988-01-05')],
    ];
    for (const [a, b] of pairs)
      expect(score(a, b).probability, `${a.given} ${a.family}`).toBeGreaterThanOrEqual(0.9);
    // اکرم and کریم are two names, whatever their letters share.
    const other = score(p('1', 'اکرم', 'نوری', '1370'), p('2', 'Karim', 'Noori', '1991'));
    expect(other.reasons).toContain('given name disagree');
    expect(other.probability).toBeLessThan(0.9);
  });

  it("compares a missing family name with the father's name written in its place", () => {
    const registry = p('1', 'زبیح‌الله', '', '1360', { patronymic: 'عبدالرحمن' });
    const list = p('2', 'Забеҳулло', 'Абдураҳмон', '1981-05-02');
    const c = score(registry, list);
    expect(c.reasons).toContain("family name as father's name");
    expect(c.probability).toBeGreaterThanOrEqual(0.9);
  });

  it("meets a family name with the other's father's name only where the fathers do not differ", () => {
    const registry = p('1', 'مرسل', 'احمدزاده', '1998', { patronymic: 'ظاهر', sex: 'f' });
    const otherFather = score(registry, p('2', 'Mursal', 'Azizi', '1998', { patronymic: 'Ahmed', sex: 'f' }));
    const noFather = score(registry, p('3', 'Mursal', 'Azizi', '1998', { sex: 'f' }));
    expect(otherFather.reasons).not.toContain("family name as father's name");
    expect(otherFather.reasons).toEqual(
      expect.arrayContaining(['family name disagree', 'patronymic disagree']),
    );
    expect(otherFather.weight).toBeLessThan(noFather.weight - 5);
    // The same father counted once, as the family name, not twice.
    const sameFather = score(
      p('4', 'Mursal', '', '1998', { patronymic: 'Ahmed', sex: 'f' }),
      p('5', 'Мурсал', 'Аҳмадова', '1998', { patronymic: 'Аҳмадовна', sex: 'f' }),
    );
    expect(sameFather.reasons).toContain("family name as father's name");
    expect(sameFather.reasons.filter((r) => r.startsWith('patronymic'))).toEqual([]);
  });

  it("reads the fathers as written where that says more than a family name close to a father's", () => {
    const c = score(
      p('1', 'Fareed', '', null, { patronymic: 'Hasan', sex: 'm' }),
      p('2', 'Фарид', 'Ҳасанов', null, { patronymic: 'Ҳасанович', sex: 'm' }),
    );
    expect(c.reasons).not.toContain("family name as father's name");
    expect(c.reasons).toEqual(expect.arrayContaining(['family name missing', 'patronymic exact']));
  });
});
