import type { CallInput, Contract, JsonContract, QueryOf, ResponseOf, SessionUser } from '@komek/domain';
import {
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChangeKind } from '../offline/outbox.ts';
import { deviceState } from '../offline/state.ts';
import { type ApiError, call } from './api.ts';

/** Queries of one endpoint share the first key part, so a mutation can refresh them all at once. */
export const keyOf = <C extends Contract>(contract: C, input?: CallInput<C>): QueryKey => {
  const { params, query, body } = (input ?? {}) as { params?: unknown; query?: unknown; body?: unknown };
  // A read sent as POST (a duplicate check) is keyed by what it asks about too.
  return [contract.path, params ?? null, query ?? null, ...(body === undefined ? [] : [body])];
};

const sameApartFromLanguage = (previous: QueryKey, key: QueryKey) =>
  previous.length === key.length + 1 && JSON.stringify(previous.slice(0, -1)) === JSON.stringify(key);

type QueryOptions<C extends JsonContract> = Omit<
  UseQueryOptions<ResponseOf<C>, ApiError, ResponseOf<C>>,
  'queryKey' | 'queryFn'
>;

/** Reads an endpoint through TanStack Query, keyed by its path and input. */
export function useApiQuery<C extends JsonContract>(
  contract: C,
  input: CallInput<C>,
  options: QueryOptions<C> = {},
) {
  const { i18n } = useTranslation();
  const key = keyOf(contract, input);
  return useQuery<ResponseOf<C>, ApiError, ResponseOf<C>>({
    // Answers are worded in the interface language (names, labels): a switch asks again.
    queryKey: [...key, i18n.language],
    queryFn: ({ signal }) => call(contract, input, { signal }),
    // Meanwhile the page stays as it was, in the old wording, so that a half-filled form on it is
    // not unmounted and emptied; another record's page never shows this one's answer.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameApartFromLanguage(previousQuery.queryKey, key) ? previous : undefined,
    ...options,
  });
}

/** How a write is kept on the device when it cannot be sent yet (field work offline). */
export interface OfflineWrite<C extends Contract> {
  kind: ChangeKind;
  /** What the outbox list calls it: a name, a case number. */
  title: (input: CallInput<C>) => string;
  /** The id the device chose for the record this write creates (the body's `id`). */
  createsId?: (input: CallInput<C>) => string;
  /** Where the record is read (`/persons/…`), after a conflict or a lost answer. */
  target?: (input: CallInput<C>) => string;
  /** The record as the user saw it before editing, to show what each side changed. */
  base?: (input: CallInput<C>) => unknown;
  /** The answer as the server will give it, kept on the device so that screens show the change. */
  local: (input: CallInput<C>, user: SessionUser) => Promise<ResponseOf<C>>;
}

export interface MutationSettings<C extends Contract, Context = unknown>
  extends Omit<UseMutationOptions<ResponseOf<C>, ApiError, CallInput<C>, Context>, 'mutationFn'> {
  /** The endpoints whose answers this write changes: their queries are refetched once it succeeds. */
  invalidates?: readonly Contract[];
  /** Set for the writes a field worker makes offline: they go through the device's outbox. */
  offline?: OfflineWrite<C>;
}

/**
 * Writes through an endpoint. Its error stays on the mutation (`error`) for the screen to show;
 * nothing is swallowed. Each call carries a fresh idempotency key, so a network retry by the
 * browser cannot do the work twice.
 */
export function useApiMutation<C extends Contract, Context = unknown>(
  contract: C,
  { invalidates = [], onSuccess, offline, ...options }: MutationSettings<C, Context> = {},
) {
  const client = useQueryClient();
  return useMutation<ResponseOf<C>, ApiError, CallInput<C>, Context>({
    mutationFn: (input) =>
      offline && deviceState().kind === 'open'
        ? import('../offline/write-through.ts').then((m) => m.writeThroughOutbox(contract, input, offline))
        : call(contract, input, { idempotencyKey: crypto.randomUUID() }),
    ...options,
    onSuccess: async (...args) => {
      await Promise.all(invalidates.map((c) => client.invalidateQueries({ queryKey: [c.path] })));
      await onSuccess?.(...args);
    },
  });
}

/**
 * A list screen's filters, kept as strings by its selects (filled from the contract's own enums),
 * as that contract's query; empty filters are left out. The server checks them all the same.
 */
export const filterQuery = <C extends Contract>(
  _contract: C,
  values: Record<string, string | number | null | undefined>,
): NonNullable<QueryOf<C>> =>
  Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  ) as NonNullable<QueryOf<C>>;
