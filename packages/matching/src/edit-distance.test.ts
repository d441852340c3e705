import { describe, expect, it } from 'vitest';
import { oneSlipApart } from './edit-distance.ts';

describe('oneSlipApart', () => {
  it('sees a dropped, added, changed or swapped letter', () => {
    expect(oneSlipApart('gulchehra', 'guchehra')).toBe(true);
    expect(oneSlipApart('asanov', 'assanov')).toBe(true);
    expect(oneSlipApart('asanov', 'asenov')).toBe(true);
    expect(oneSlipApart('nurlan', 'nulran')).toBe(true);
  });

  it('does not see equal names, two slips or a different name', () => {
    expect(oneSlipApart('asanov', 'asanov')).toBe(false);
    expect(oneSlipApart('asanov', 'usenov')).toBe(false);
    expect(oneSlipApart('nurlan', 'nurbek')).toBe(false);
    expect(oneSlipApart('asanov', 'asanovaa')).toBe(false);
  });
});
