import { authApi, type Session, zLoginInput } from '@komek/domain';
import { call } from '../../app/api.ts';
import { validateWith } from '../../app/validate.ts';

export interface SignInValues {
  email: string;
  password: string;
  totp: string;
}

/**
 * Checks the sign-in form with the contract's own schema and sends it. Loaded when the sign-in
 * screen opens rather than with it: the schemas and Zod are a third of the first download, and
 * on a slow link the screen should be usable before they arrive.
 */
export async function signIn(
  values: SignInValues,
  withTotp: boolean,
): Promise<{ session: Session; errors?: undefined } | { errors: Record<string, string> }> {
  const checked = validateWith(zLoginInput, { ...values, totp: withTotp ? values.totp : undefined });
  if (checked.errors) return { errors: checked.errors };
  return {
    session: await call(authApi.login, { body: checked.data }, { idempotencyKey: crypto.randomUUID() }),
  };
}
