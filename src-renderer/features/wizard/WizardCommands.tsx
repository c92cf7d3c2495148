// The wizard's generated pveum commands, each explained and copyable, with what the token will be able to do.
import { Alert, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Copy } from 'lucide-react';
import type { WizardOutput } from '../../../src-shared/ipc/channels/wizard.js';

const copy = (text: string): void => void navigator.clipboard?.writeText(text);

export function WizardCommands({ out }: { out: WizardOutput }) {
  const all = out.commands.map((c) => c.line).join('\n');
  return (
    <Paper withBorder p="md" data-testid="wizard-output">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Run on a PVE node (PVE {out.major})
          </Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<Copy size={12} aria-hidden />}
            onClick={() => copy(all)}
          >
            Copy all
          </Button>
        </Group>
        <List type="ordered" spacing="xs" className="wizard-commands">
          {out.commands.map((c) => (
            <List.Item key={c.line} data-testid="wizard-command">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ flex: 1 }}>
                  <Code>{c.line}</Code>
                  <Text size="xs" c="dimmed">
                    {c.explain}
                  </Text>
                </Stack>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Copy: ${c.line}`}
                  onClick={() => copy(c.line)}
                >
                  Copy
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          The token will be able to: {out.actions.map((a) => a.label).join(', ') || 'everything'}.
        </Text>
        {out.dropped.length > 0 && (
          <Alert color="yellow" variant="light" data-testid="wizard-dropped">
            Left out, not on PVE {out.major}: {out.dropped.join(', ')}
          </Alert>
        )}
        {out.notes.length > 0 && (
          <List size="sm" data-testid="wizard-notes">
            {out.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
