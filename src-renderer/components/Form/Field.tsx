// Labelled form controls as Mantine inputs: the label above the control (props pass through to the control;
// `data-testid` lands on the input itself). `size` is the width in characters, as on a native input.
import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Labelled = { label: ReactNode; /** a sentence saying what is wrong with the value */ error?: ReactNode };
type Width = { size?: number | undefined };
const width = (size: number | undefined): { w?: string } => (size ? { w: `${size + 6}ch` } : {});

/** A text input with its label; every other input prop goes to the input. */
export function Field({
  label,
  size,
  ...input
}: Labelled & Width & Omit<InputHTMLAttributes<HTMLInputElement>, 'size'>) {
  return <TextInput size="xs" label={label} {...width(size)} {...input} />;
}

/** A select with its label; the options are the children. */
export function SelectField({
  label,
  children,
  size,
  ...select
}: Labelled & Width & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'>) {
  return (
    <NativeSelect size="xs" label={label} {...width(size)} {...select}>
      {children}
    </NativeSelect>
  );
}

/** A multi-line text input with its label. */
export function TextAreaField({
  label,
  ...area
}: Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'size'>) {
  return <Textarea size="xs" label={label} autosize minRows={1} {...area} />;
}

/** A checkbox with its label to the right. */
export function CheckField({
  label,
  ...input
}: Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, 'size'>) {
  return <Checkbox size="xs" label={label} {...input} />;
}
