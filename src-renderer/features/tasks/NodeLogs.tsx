// A node's syslog (paged), journal (last entries) and systemd service states.
import { Button, Code, Group, ScrollArea, Table, Tabs, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useClusterRead } from '../provision/useClusterRead.js';

type Tab = 'syslog' | 'journal' | 'services';
const LABEL: Record<Tab, string> = { syslog: 'Syslog', journal: 'Journal', services: 'Services' };

const Lines = ({ testId, text }: { testId: string; text: string | undefined }) => (
  <ScrollArea.Autosize mah={360}>
    <Code block data-testid={testId}>
      {text ?? 'Loading…'}
    </Code>
  </ScrollArea.Autosize>
);

export function NodeLogs({ profileId, node }: { profileId: string; node: string }) {
  const [tab, setTab] = useState<Tab>('syslog');
  const [service, setService] = useState('');
  const syslog = useClusterRead(
    'nodeLogs.syslog',
    tab === 'syslog' ? { profileId, node, limit: 500, ...(service ? { service } : {}) } : undefined,
    `Cannot read the syslog of ${node}`,
  );
  const journal = useClusterRead(
    'nodeLogs.journal',
    tab === 'journal' ? { profileId, node, lastentries: 200 } : undefined,
    `Cannot read the journal of ${node}`,
  );
  const services = useClusterRead(
    'nodeLogs.services',
    tab === 'services' ? { profileId, node } : undefined,
    `Cannot read the services of ${node}`,
  );
  const failed = (e: { error: { message: string } } | null) =>
    e ? `Could not read: ${e.error.message}` : undefined;
  return (
    <section className="node-logs" data-testid="node-logs">
      <Title order={2} size="h4" mb="xs">
        Logs of {node}
      </Title>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          {(['syslog', 'journal', 'services'] as const).map((t) => (
            <Tabs.Tab key={t} value={t} data-testid={`node-logs-tab-${t}`}>
              {LABEL[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="syslog" pt="xs">
          <Group gap="xs" mb="xs" align="flex-end">
            <TextInput
              size="xs"
              label="Service"
              placeholder="pvedaemon"
              value={service}
              onChange={(e) => setService(e.currentTarget.value)}
              data-testid="syslog-service"
            />
            <Button size="xs" variant="default" onClick={syslog.reload} data-testid="syslog-reload">
              Reload
            </Button>
          </Group>
          <Lines
            testId="syslog-lines"
            text={failed(syslog.error) ?? syslog.data?.lines.map((l) => l.t).join('\n')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="journal" pt="xs">
          <Lines testId="journal-lines" text={failed(journal.error) ?? journal.data?.lines.join('\n')} />
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="xs">
          <Table striped withTableBorder className="data-table" data-testid="services-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Active</Table.Th>
                <Table.Th>Unit file</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.data?.services.map((s) => (
                <Table.Tr
                  key={s.service}
                  data-testid="service-row"
                  data-service={s.service}
                  data-active={s.activeState}
                >
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.desc}</Table.Td>
                  <Table.Td>{s.state}</Table.Td>
                  <Table.Td>{s.activeState}</Table.Td>
                  <Table.Td>{s.unitState}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
