import { describe, expect, it } from 'vitest';
import { jaroWinkler } from './jaro-winkler.ts';
import { dedupe, link } from './linkage.ts';
import { compare, frequenciesOf } from './model.ts';
import { type PersonRecord, prepareRecord } from './record.ts';

const p = (
  id: string,
  firstName: string,
  lastName: string,
  dateOfBirth: string | null,
  extra: Partial<PersonRecord> = {},
) => prepareRecord({ id, firstName, lastName, dateOfBirth, ...extra });

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
});
