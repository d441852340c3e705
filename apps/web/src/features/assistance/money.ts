/** An amount with its currency code, in the reader's digits grouping; a dash when none was given. */
export const money = (language: string, amount: number | null, currency: string | null) =>
  amount === null
    ? '—'
    : `${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(amount)} ${currency ?? ''}`.trim();
