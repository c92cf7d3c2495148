// The verification queue's report: each queued archive with its state, what failed, and how long each phase took.
import { Badge, Table, Text } from '@mantine/core';
import type { QueueReport } from '../../../src-shared/ipc/channels/coverage.js';

const COLOR = { pending: 'gray.8', running: 'blue.9', pass: 'teal.9', fail: 'red.9' } as const;
const LABEL = { pending: 'waiting', running: 'verifying…', pass: 'verified', fail: 'failed' } as const;

const seconds = (ms: Record<string, number>): string =>
  Object.entries(ms)
    .map(([phase, t]) => `${phase} ${(t / 1000).toFixed(1)} s`)
    .join(', ');

export function QueueReportTable({ report }: { report: QueueReport }) {
  const done = report.items.filter((i) => i.state === 'pass' || i.state === 'fail').length;
  return (
    <section data-testid="verify-report" data-done={done} data-total={report.items.length}>
      <Text size="sm" fw={600} mb={4}>
        {done} of {report.items.length} verifications finished
        {done === report.items.length
          ? `: ${report.items.filter((i) => i.state === 'pass').length} passed`
          : ''}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Guest</Table.Th>
            <Table.Th>Archive</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.items.map((i) => (
            <Table.Tr key={i.volid} data-testid="verify-report-item" data-state={i.state}>
              <Table.Td>{i.vmid}</Table.Td>
              <Table.Td>{i.volid}</Table.Td>
              <Table.Td>
                <Badge color={COLOR[i.state]} variant="filled" autoContrast size="sm">
                  {LABEL[i.state]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {i.detail ?? seconds(i.timings)}
                {i.state !== 'pending' && i.state !== 'running' && !i.cleanedUp
                  ? ` — scratch guest ${i.scratchVmid} is still there`
                  : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
