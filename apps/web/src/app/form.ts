import { type UseFormReturnType, useForm } from '@mantine/form';
import type { z } from 'zod';
import { fieldErrors } from './api.ts';
import { validateWith } from './validate.ts';

type Values<S extends z.ZodType> = z.input<S> & Record<string, unknown>;

export interface SchemaForm<S extends z.ZodType> {
  form: UseFormReturnType<Values<S>>;
  /** For `<form onSubmit>`: checks the values with the schema, then hands on what the schema made of them. */
  onSubmit: (send: (data: z.output<S>) => unknown) => (event?: { preventDefault?: () => void }) => void;
  /** Puts the server's field errors (already in the user's language) beside their fields. */
  showServerErrors: (error: unknown) => void;
  /** A `NumberInput`'s props for a field that may be empty: cleared, it holds null rather than "". */
  numberInput: (path: string) => ReturnType<UseFormReturnType<Values<S>>['getInputProps']>;
}

/**
 * A form bound to a shared schema: the browser checks exactly what the API will check and words
 * it the same way, so a person sees the problem before sending and in their own language.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S, initialValues: Values<S>): SchemaForm<S> {
  const form = useForm<Values<S>>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateWith(schema, values).errors ?? {},
  });
  return {
    form,
    onSubmit: (send) => (event) => {
      event?.preventDefault?.();
      const checked = validateWith(schema, form.getValues());
      if (checked.errors) {
        form.setErrors(checked.errors);
        return;
      }
      form.clearErrors();
      send(checked.data);
    },
    showServerErrors: (error) => form.setErrors(fieldErrors(error)),
    numberInput: (path) => {
      const p = form.getInputProps(path);
      return {
        ...p,
        value: (p.value as number | null) ?? '',
        onChange: (v: string | number) => p.onChange(v === '' ? null : Number(v)),
      };
    },
  };
}
