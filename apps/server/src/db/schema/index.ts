export * from './geography.ts';
export * from './platform.ts';
