import { expect } from 'vitest';
import type { Session } from '../test/harness.ts';
import type { BIds } from '../test/scoping-world.ts';

export interface Body {
  items: Array<{ id: string }>;
  user: { orgId: string };
  total: number;
  openCases: unknown[];
  byStatus: Record<string, number>;
}
export interface Case {
  url: string;
  payload?: object;
  expectStatus: number;
  check?: (body: Body) => void;
  text?: (body: string) => void;
}
/** Routes that act only on the caller's own session or account take no record id to misuse. */
export const selfOnly = null;
export type Cases = Record<string, (() => Case) | typeof selfOnly>;
export interface World {
  a: Session;
  b: Session;
  bIds: BIds;
  aOrg: string;
}
export const empty = (b: Body) => expect(b.items).toEqual([]);
