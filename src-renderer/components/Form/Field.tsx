// Labelled form controls: the label text, a space, then the control, all inside one <label> (props pass through).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Labelled = { label: ReactNode };

/** `<label>{label} <input …/></label>`; `data-testid` and every other input prop go to the input. */
export function Field({ label, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label} <input {...input} />
    </label>
  );
}

/** `<label>{label} <select …>{children}</select></label>`. */
export function SelectField({
  label,
  children,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label>
      {label} <select {...select}>{children}</select>
    </label>
  );
}

/** `<label>{label} <textarea …/></label>`. */
export function TextAreaField({ label, ...area }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <label>
      {label} <textarea {...area} />
    </label>
  );
}

/** `<label><input type="checkbox" …/> {label}</label>`. */
export function CheckField({ label, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      <input type="checkbox" {...input} /> {label}
    </label>
  );
}
