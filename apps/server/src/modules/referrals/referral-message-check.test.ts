import { describe, expect, it } from 'vitest';
import { unsharedDetailsIn } from './referral-message-check.ts';

const person = {
  name: 'Жумабаев Омурбек',
  phone: '+996 555 123 456',
  birthDate: '1984-03-14',
  documents: [{ type: 'passport' as const, status: 'valid' as const, number: 'ID 1234567' }],
};

describe('what a referral message may say', () => {
  it('finds the details the referral did not share, however they are written', () => {
    expect(unsharedDetailsIn('Zhumabaev will come on Monday', [person], [])).toEqual(['name']);
    expect(unsharedDetailsIn('call him on 0555-123-456', [person], [])).toEqual(['phone']);
    expect(unsharedDetailsIn('passport id1234567 is at our office', [person], [])).toEqual(['documents']);
    expect(unsharedDetailsIn('born 14.03.1984', [person], [])).toEqual(['birth_date']);
    expect(unsharedDetailsIn('Омурбек, 14.03.1984, +996555123456', [person], [])).toEqual([
      'name',
      'phone',
      'birth_date',
    ]);
  });

  it('lets through what was shared, and what names no one', () => {
    expect(unsharedDetailsIn('Zhumabaev, +996 555 123 456', [person], ['name', 'phone'])).toEqual([]);
    expect(unsharedDetailsIn('The client can come on 15.03 at 10:00, room 12', [person], [])).toEqual([]);
    expect(unsharedDetailsIn('Our hotline is 1212', [person], [])).toEqual([]);
    expect(unsharedDetailsIn('Anything', [{}], [])).toEqual([]);
  });
});
