import type { TFunction } from 'i18next';

/** Select options for an enum, labelled in the current language. */
export const enumOptions = (t: TFunction, group: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));
