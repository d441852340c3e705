import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, dueDate, isWorkingDay, todayIn, type WorkCalendar } from './deadlines.ts';

const none: WorkCalendar = { holidays: new Set() };
// Kyrgyz public holidays around the cases below (Nov 7–8 History and Remembrance Days, 2026).
const kg: WorkCalendar = {
  holidays: new Set(['2026-11-07', '2026-11-08', '2026-12-31', '2027-01-01', '2027-01-07']),
};

describe('statutory time limits', () => {
  it('counts calendar days from the day after the trigger, rolling a weekend end to Monday', () => {
    // 30 days from Friday 2 October 2026 ends on Sunday 1 November: the deadline is Monday 2 November.
    expect(dueDate('2026-10-02', { amount: 30, unit: 'calendar_days' }, none)).toBe('2026-11-02');
    // Without rolling (the law says so for this step) the Sunday stands.
    expect(dueDate('2026-10-02', { amount: 30, unit: 'calendar_days', rollToWorkingDay: false }, none)).toBe(
      '2026-11-01',
    );
    // A Wednesday end stays.
    expect(dueDate('2026-10-05', { amount: 30, unit: 'calendar_days' }, none)).toBe('2026-11-04');
  });

  it('rolls over public holidays that follow a weekend', () => {
    // Ends Saturday 7 November; 7 and 8 November are holidays, then Monday 9 November.
    expect(dueDate('2026-10-08', { amount: 30, unit: 'calendar_days' }, kg)).toBe('2026-11-09');
    // New Year: ends 31 December (holiday), 1 January (holiday), 2–3 January weekend → Monday 4 January.
    expect(dueDate('2026-12-01', { amount: 30, unit: 'calendar_days' }, kg)).toBe('2027-01-04');
  });

  it('counts working days past weekends and holidays', () => {
    // Thursday 5 November 2026 + 3 working days: Fri 6, (Sat 7, Sun 8 holidays and weekend), Mon 9, Tue 10.
    expect(dueDate('2026-11-05', { amount: 3, unit: 'working_days' }, kg)).toBe('2026-11-10');
    expect(dueDate('2026-11-05', { amount: 3, unit: 'working_days' }, none)).toBe('2026-11-10');
    // 10 working days from Friday 18 December 2026: 21–25 and 28–30 December are eight; 31 December
    // and 1 January are holidays, 2–3 January a weekend; Monday 4 and Tuesday 5 January make ten.
    expect(dueDate('2026-12-18', { amount: 10, unit: 'working_days' }, kg)).toBe('2027-01-05');
    // Orthodox Christmas (7 January) is skipped when the count reaches it.
    expect(dueDate('2027-01-05', { amount: 2, unit: 'working_days' }, kg)).toBe('2027-01-08');
    // A Saturday made a working day counts.
    const moved: WorkCalendar = {
      holidays: new Set(['2026-11-09']),
      workingWeekends: new Set(['2026-11-14']),
    };
    expect(isWorkingDay('2026-11-14', moved)).toBe(true);
    expect(dueDate('2026-11-12', { amount: 2, unit: 'working_days' }, moved)).toBe('2026-11-14');
  });

  it('handles month ends and leap years when counting months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
    // One year from 28 February 2026 ends Sunday 28 February 2027 → Monday 1 March.
    expect(dueDate('2026-02-28', { amount: 12, unit: 'months' }, none)).toBe('2027-03-01');
  });

  it('knows what day it is in each country', () => {
    // 18:30 UTC on 22 November is 00:30 on the 23rd in Bishkek (UTC+6) and 23:30 on the 22nd in Almaty (UTC+5).
    const at = new Date('2026-11-22T18:30:00Z');
    expect(todayIn('KG', at)).toBe('2026-11-23');
    expect(todayIn('KZ', at)).toBe('2026-11-22');
    expect(todayIn('UZ', at)).toBe('2026-11-22');
    expect(daysBetween('2026-11-22', '2026-12-01')).toBe(9);
    expect(daysBetween('2026-12-01', '2026-11-22')).toBe(-9);
  });
});
