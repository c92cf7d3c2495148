// Shows a typed error as a title, what to do about it, the message in words, and the named details.
import { Alert, Stack, Table, Text } from '@mantine/core';
import { CircleAlert } from 'lucide-react';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { errorSentences } from '../../ui/messages/ErrorDetails.js';
import { errorText, visibleDetails } from '../../ui/messages/error-text.js';

const DETAIL_LABELS: Record<string, string> = { path: 'Path', privilege: 'Missing privilege' };
const VALIDATION = new Set(['bad_request', 'bad_parameter']);

export function ErrorPanel({ error }: { error: AppError }) {
  const text = errorText(error);
  // validation details are already in the sentences
  const details = VALIDATION.has(error.code) ? [] : visibleDetails(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<CircleAlert size={16} />}
      title={<span data-testid="connect-error-title">{text.title}</span>}
      role="alert"
      data-testid="connect-error"
      data-code={error.code}
      mt="xs"
    >
      <Stack gap={4}>
        {errorSentences(error).map((s) => (
          <Text key={s} size="sm" data-testid="connect-error-message">
            {s}
          </Text>
        ))}
        <Text size="sm">{text.hint}</Text>
        {details.length > 0 && (
          <Table data-testid="connect-error-details" withRowBorders={false} fz="sm">
            <Table.Tbody>
              {details.map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Th w={160}>{DETAIL_LABELS[key] ?? key}</Table.Th>
                  <Table.Td data-testid={`connect-error-${key}`}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Alert>
  );
}
