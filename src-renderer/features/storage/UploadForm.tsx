// Uploads an ISO or container template from this computer to a storage: staged into main, then a plan; progress bars for both.
import { Button, FileButton, Group, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Upload } from 'lucide-react';
import { useState } from 'react';
import { UploadName } from '../../../src-shared/ipc/channels/storage.js';
import { planStorage, planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { useContractEvent } from '../../useContractEvent.js';
import { formatBytes } from '../inventory/format.js';
import { usePermission } from '../permissions/usePermission.js';
import { stageFile } from './upload-chunks.js';

interface Props {
  profileId: string;
  node: string;
  storage: string;
  content: readonly string[];
  onDone(): void;
}

/** A labelled progress bar; `data-value` carries the byte count done (tests and tools read it). */
function Bar({
  label,
  value,
  total,
  testId,
}: {
  label: string;
  value: number;
  total: number;
  testId: string;
}) {
  const pct = total ? Math.round((100 * value) / total) : 0;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" w={110}>
        {label}
      </Text>
      <Progress
        value={pct}
        flex={1}
        aria-label={label}
        data-testid={testId}
        data-value={value}
        data-max={total}
      />
      <Text size="sm" w={48} ta="right">
        {pct}%
      </Text>
    </Group>
  );
}

export function UploadForm({ profileId, node, storage, content, onDone }: Props) {
  const [file, setFile] = useState<File>();
  const [kind, setKind] = useState<'iso' | 'vztmpl'>(content.includes('iso') ? 'iso' : 'vztmpl');
  const [staged, setStaged] = useState(0);
  const [sent, setSent] = useState<{ planId: string; sent: number; total: number }>();
  const flow = usePlanFlow(profileId, () => onDone(), planWith);
  const verdict = usePermission('storage.template', { profileId, storage, node });
  useContractEvent('storage.uploadProgressed', (p) => setSent(p));
  const kinds = (['iso', 'vztmpl'] as const).filter((k) => content.includes(k));
  if (kinds.length === 0) return null;
  const name = file ? file.name.replace(/[^-_.+a-zA-Z0-9]/g, '_') : '';
  const nameOk = UploadName.safeParse(name).success;
  const reason =
    verdict.state === 'denied'
      ? (verdict.reason ?? 'not allowed')
      : !file
        ? 'choose a file first'
        : !nameOk
          ? 'the file name must start with a letter or digit (letters, digits, . _ + - only)'
          : flow.building
            ? 'a plan is being prepared'
            : undefined;
  async function plan(): Promise<void> {
    if (!file) return;
    setStaged(0);
    setSent(undefined);
    await flow.start(async () => {
      const stageId = await stageFile(file, name, setStaged);
      if (!stageId) return undefined;
      return planStorage(profileId, {
        kind: 'upload',
        node,
        storage,
        content: kind,
        stageId,
        filename: name,
      });
    });
  }
  return (
    <Paper withBorder p="sm" data-testid="upload-form">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Upload to {storage}
        </Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            size="xs"
            label="Content"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value === 'vztmpl' ? 'vztmpl' : 'iso')}
            data-testid="upload-content"
            data={kinds.map((k) => ({ value: k, label: k === 'iso' ? 'ISO image' : 'Container template' }))}
          />
          <FileButton
            onChange={(f) => setFile(f ?? undefined)}
            accept={kind === 'iso' ? '.iso,.img' : '.tar.gz,.tar.xz,.tar.zst,.tgz'}
            inputProps={{ 'aria-label': 'File to upload', ...{ 'data-testid': 'upload-file' } }}
          >
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<Upload size={14} aria-hidden />}>
                Choose file…
              </Button>
            )}
          </FileButton>
          <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="upload-file-name">
            {file ? `${name} (${formatBytes(file.size)})` : 'no file chosen'}
          </Text>
          <ReasonButton
            size="xs"
            variant="filled"
            disabled={reason}
            onClick={() => void plan()}
            testId="upload-plan"
          >
            Plan upload
          </ReasonButton>
        </Group>
        {verdict.state === 'denied' && (
          <Text size="sm" c="dimmed" data-testid="upload-reason">
            {verdict.reason}
          </Text>
        )}
        {file && <Bar label="Prepared" value={staged} total={file.size} testId="upload-staged" />}
        {sent && <Bar label="Sent to PVE" value={sent.sent} total={sent.total} testId="upload-progress" />}
      </Stack>
      {flow.dialog}
    </Paper>
  );
}
