// @vitest-environment happy-dom
import { zTaskInput } from '@komek/domain';
import { act, renderHook } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';

describe('a form bound to a shared schema', () => {
  let useSchemaForm: typeof import('./form.ts').useSchemaForm;
  let i18n: typeof import('../i18n/index.ts').default;
  beforeAll(async () => {
    useSchemaForm = (await import('./form.ts')).useSchemaForm;
    i18n = (await import('../i18n/index.ts')).default;
  });

  it('refuses to send and words each field’s problem in Kyrgyz', async () => {
    await i18n.changeLanguage('ky');
    const sent: unknown[] = [];
    const { result } = renderHook(() => useSchemaForm(zTaskInput, { title: '', dueDate: '9999-12-31' }));
    act(() => result.current.onSubmit((data) => sent.push(data))());
    expect(sent).toEqual([]);
    expect(result.current.form.errors).toEqual({
      title: 'Бул талааны толтуруңуз.',
      dueDate: 'Бул күн өтө алыс (беш жылдан ашык).',
    });
  });

  it('words the same rules in Dari, and hands on what the schema made of good values', async () => {
    await i18n.changeLanguage('fa-AF');
    const sent: unknown[] = [];
    const { result } = renderHook(() => useSchemaForm(zTaskInput, { title: '  ', dueDate: 'tomorrow' }));
    act(() => result.current.onSubmit((data) => sent.push(data))());
    expect(result.current.form.errors).toEqual({
      title: 'این خانه را پر کنید.',
      dueDate: 'تاریخ را به شکل YYYY-MM-DD بنویسید.',
    });
    act(() => {
      result.current.form.setValues({ title: '  Call the registry  ', dueDate: '2027-03-01' });
    });
    act(() => result.current.onSubmit((data) => sent.push(data))());
    expect(sent).toEqual([{ title: 'Call the registry', dueDate: '2027-03-01' }]);
    expect(result.current.form.errors).toEqual({});
  });

  it('puts the server’s field errors beside their fields, and nothing for an error that names none', async () => {
    const { ApiError } = await import('./api.ts');
    const { result } = renderHook(() => useSchemaForm(zTaskInput, { title: 'x', dueDate: '2027-01-01' }));
    const refused = new ApiError(400, 'validation_failed', 'Айрым талаалар туура эмес толтурулган.', [
      { path: 'dueDate', in: 'body', code: 'date_too_far', message: 'Бул күн өтө алыс (беш жылдан ашык).' },
    ]);
    act(() => result.current.showServerErrors(refused));
    expect(result.current.form.errors).toEqual({ dueDate: 'Бул күн өтө алыс (беш жылдан ашык).' });
    act(() => result.current.showServerErrors(new TypeError('Failed to fetch')));
    expect(result.current.form.errors).toEqual({});
  });
});
