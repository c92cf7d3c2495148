// The operations form: class "ops-form", and a submit that never reloads the page, only calls `onSubmit`.
import type { FormHTMLAttributes } from 'react';

export function OpsForm({
  onSubmit,
  ...form
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'className'> & { onSubmit(): void }) {
  return (
    <form
      className="ops-form"
      {...form}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    />
  );
}
