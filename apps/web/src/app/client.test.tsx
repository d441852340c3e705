// @vitest-environment happy-dom
import { authApi, casesApi, personsApi, resultsApi, zPersonInput } from '@komek/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStandardIndicators } from '../../../server/src/modules/results/results.service.ts';
import { personInput } from '../../../server/src/test/casework-fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../server/src/test/harness.ts';

const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
function Wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
}

/**
 * The typed client against the real API: a real server on loopback, real sessions and CSRF, the
 * page's origin set to the server's so the browser's cookie rules apply as they would in use.
 */
describe('the typed client and its hooks', () => {
  let t: TestApp;
  let client: typeof import('./api.ts');
  let hooks: typeof import('./hooks.ts');
  let validate: typeof import('./validate.ts');
  let i18n: typeof import('../i18n/index.ts').default;

  beforeAll(async () => {
    t = await createTestApp();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(`${address}/`);
    client = await import('./api.ts');
    hooks = await import('./hooks.ts');
    validate = await import('./validate.ts');
    i18n = (await import('../i18n/index.ts')).default;
    const { org, user } = await t.signedIn('admin');
    await importStandardIndicators(t.platform, org.id, null, new Date().getUTCFullYear());
    const session = await client.call(authApi.login, {
      body: { email: user.email, password: TEST_PASSWORD },
    });
    client.setCsrfToken(session.csrfToken);
  });
  afterAll(() => t.close());

  it('asks who is signed in at the address of the session contract, and gets the session back', async () => {
    const { meContract } = await import('./session.ts');
    expect({ method: meContract.method, path: meContract.path }).toEqual({
      method: authApi.me.method,
      path: authApi.me.path,
    });
    const session = await client.call(meContract, {});
    expect(session.user.role).toBe('admin');
    expect(session.csrfToken).toMatch(/\S{16,}/);
  });

  it('fills the path and query from the contract, encoding what it puts in', () => {
    expect(client.urlOf(casesApi.get, { params: { id: 'a/b c' } })).toBe('/api/cases/a%2Fb%20c');
    expect(
      client.urlOf(casesApi.export, { query: { format: 'csv', q: 'Жумабаев & co', status: undefined } }),
    ).toBe('/api/cases/export?format=csv&q=%D0%96%D1%83%D0%BC%D0%B0%D0%B1%D0%B0%D0%B5%D0%B2+%26+co');
  });

  it('gives the server’s field errors in Kyrgyz, in the same words the browser’s own check uses', async () => {
    await i18n.changeLanguage('ky');
    const bad = { ...personInput(), givenName: '', birthDate: '1987-02-30' };
    const error = await client.call(personsApi.register, { body: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.ApiError);
    const fromServer = client.fieldErrors(error);
    expect(fromServer.givenName).toBe('Бул талааны толтуруңуз.');
    expect(fromServer.birthDate).toBe('Мындай күн календарда жок.');
    const inBrowser = validate.validateWith(zPersonInput, bad).errors ?? {};
    expect(inBrowser.givenName).toBe(fromServer.givenName);
    expect(inBrowser.birthDate).toBe(fromServer.birthDate);
  });

  it('refreshes the queries a mutation says it changes, and keeps a failed write’s error for the screen', async () => {
    await i18n.changeLanguage('fa-AF');
    const { result } = renderHook(
      () => ({
        list: hooks.useApiQuery(personsApi.list, { query: { q: 'Тестов' } }),
        register: hooks.useApiMutation(personsApi.register, { invalidates: [personsApi.list] }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toBeDefined());
    expect(result.current.list.data?.total).toBe(0);

    await act(() => result.current.register.mutateAsync({ body: personInput({ familyName: 'Тестов' }) }));
    await waitFor(() => expect(result.current.list.data?.total).toBe(1));

    await act(async () => {
      await result.current.register
        .mutateAsync({ body: { ...personInput(), sex: 'x' as never } })
        .catch(() => undefined);
    });
    await waitFor(() => expect(result.current.register.error).toBeInstanceOf(client.ApiError));
    expect(result.current.register.error?.status).toBe(400);
    // Worded in Dari, from the shared catalogue.
    expect(client.fieldErrors(result.current.register.error).sex).toBe(
      'یکی از گزینه‌های داده‌شده را انتخاب کنید.',
    );
  });

  it('asks again when the interface language changes, so names the server words arrive in the new language', async () => {
    await i18n.changeLanguage('en');
    const year = new Date().getUTCFullYear();
    const { result } = renderHook(() => hooks.useApiQuery(resultsApi.results, { query: { year } }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess || result.current.isError).toBe(true));
    expect(result.current.error).toBeNull();
    expect(result.current.data?.items.length).toBeGreaterThan(0);
    const english = result.current.data!.items.map((i) => i.name).join(' ');
    expect(english).not.toMatch(/[А-Яа-я]/);
    await act(() => i18n.changeLanguage('ru'));
    await waitFor(() =>
      expect(result.current.data?.items.map((i) => i.name).join(' ')).toMatch(/[А-Яа-я]{4,}/),
    );
  });
});
