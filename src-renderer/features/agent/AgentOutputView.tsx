// The captured output of an audit run, one block per command, with an export as a text file.
import { Badge, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Download } from 'lucide-react';
import type { AgentOutput } from '../../../src-shared/ipc/channels/agent.js';

function exportText(out: AgentOutput): string {
  const head = `# Proxdeck guest audit of ${out.guest.type} ${out.guest.vmid} on ${out.guest.node}, ${new Date(out.finishedAt ?? Date.now()).toISOString()}\n`;
  return (
    head +
    out.entries
      .map(
        (e) =>
          `\n$ ${e.command}\n# ${e.state}${e.exitcode !== undefined ? `, exit code ${e.exitcode}` : ''}${e.truncated ? ', truncated' : ''}\n${e.stdout}${e.stderr ? `\n[stderr]\n${e.stderr}` : ''}`,
      )
      .join('\n')
  );
}

function download(out: AgentOutput): void {
  const url = URL.createObjectURL(new Blob([exportText(out)], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `audit-${out.guest.vmid}-${out.planId.slice(0, 8)}.txt`;
  a.click();
  URL.revokeObjectURL(url);
}

export function AgentOutputView({ output }: { output: AgentOutput }) {
  return (
    <Paper withBorder p="sm" data-testid="agent-output">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Audit output
          </Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<Download size={14} aria-hidden />}
            onClick={() => download(output)}
            data-testid="agent-export"
          >
            Export
          </Button>
        </Group>
        {output.entries.map((e, i) => (
          <Stack key={i} gap={4} data-testid="agent-output-entry" data-state={e.state}>
            <Group gap="xs">
              <Code fw={600}>$ {e.command}</Code>
              <Badge size="sm" variant="dot" color={e.exitcode ? 'red' : 'gray'}>
                {e.state}
                {e.exitcode !== undefined ? ` · exit ${e.exitcode}` : ''}
              </Badge>
              {e.truncated && (
                <Text size="xs" c="dimmed">
                  truncated
                </Text>
              )}
            </Group>
            <Code block data-testid="agent-stdout">
              {e.stdout}
            </Code>
            {e.stderr && (
              <Code block aria-label="error output">
                {e.stderr}
              </Code>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
