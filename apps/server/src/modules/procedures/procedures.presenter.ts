import type { Holiday } from '@komek/domain';
import { isoDay } from '../../platform/dates.ts';

export const presentHoliday = (h: {
  id: string;
  countryCode: string;
  date: string;
  name: string;
  kind: Holiday['kind'];
}): Holiday => ({
  id: h.id,
  countryCode: h.countryCode as Holiday['countryCode'],
  date: isoDay(h.date),
  name: h.name,
  kind: h.kind,
});
