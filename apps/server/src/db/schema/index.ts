export * from './cases.ts';
export * from './geography.ts';
export * from './intake.ts';
export * from './persons.ts';
export * from './platform.ts';
export * from './procedures.ts';
export * from './referrals.ts';
export * from './results.ts';
