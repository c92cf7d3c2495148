// An error for people: what happened (field sentences for validation failures) and, folded away, the code words.
import { Code, Text } from '@mantine/core';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { detailSentences } from './validation.js';

const VALIDATION = new Set(['bad_request', 'bad_parameter']);

/** The sentence(s) to show for an error: per-field sentences for validation failures, else main's message. */
export function errorSentences(error: AppError): string[] {
  if (VALIDATION.has(error.code) && error.details && Object.keys(error.details).length > 0)
    return detailSentences(error.details);
  if (error.code === 'bad_request')
    return ['Proxdeck could not send this request; some input is not in the right form.'];
  return [error.message];
}

export function ErrorDetails({ error }: { error: AppError }) {
  const sentences = errorSentences(error);
  const extra = Object.entries(error.details ?? {});
  return (
    <>
      {sentences.map((s) => (
        <Text key={s} size="sm" data-testid="toast-message">
          {s}
        </Text>
      ))}
      <details data-testid="error-details">
        <summary>Details</summary>
        <Text size="xs" c="dimmed" component="div">
          <Code>{error.code}</Code>
          {error.status !== undefined && <> · HTTP {error.status}</>}
          {extra.length > 0 && (
            <ul>
              {extra.map(([key, value]) => (
                <li key={key}>
                  <Code>{key}</Code>: {value}
                </li>
              ))}
            </ul>
          )}
        </Text>
      </details>
    </>
  );
}
