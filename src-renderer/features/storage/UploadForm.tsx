// Uploads an ISO or container template from this computer to a storage: staged into main, then a plan; progress bars for both.
import { useState } from 'react';
import { UploadName } from '../../../src-shared/ipc/channels/storage.js';
import { planStorage, planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useContractEvent } from '../../useContractEvent.js';
import { usePermission } from '../permissions/usePermission.js';
import { stageFile } from './upload-chunks.js';

interface Props {
  profileId: string;
  node: string;
  storage: string;
  content: readonly string[];
  onDone(): void;
}

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
  return (
    <label className="upload-bar">
      {label} <progress data-testid={testId} value={value} max={total || 1} />{' '}
      {total ? Math.round((100 * value) / total) : 0}%
    </label>
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
    <fieldset className="upload-form" data-testid="upload-form">
      <legend>Upload to {storage}</legend>
      <select
        value={kind}
        onChange={(e) => setKind(e.target.value === 'vztmpl' ? 'vztmpl' : 'iso')}
        data-testid="upload-content"
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {k === 'iso' ? 'ISO image' : 'Container template'}
          </option>
        ))}
      </select>
      <input type="file" data-testid="upload-file" onChange={(e) => setFile(e.target.files?.[0])} />
      <button
        type="button"
        data-testid="upload-plan"
        disabled={!file || !nameOk || verdict.state === 'denied' || flow.building}
        onClick={() => void plan()}
      >
        Plan upload
      </button>
      {verdict.state === 'denied' && (
        <small className="action-reason" data-testid="upload-reason">
          {verdict.reason}
        </small>
      )}
      {file && <Bar label="Prepared" value={staged} total={file.size} testId="upload-staged" />}
      {sent && <Bar label="Sent to PVE" value={sent.sent} total={sent.total} testId="upload-progress" />}
      {flow.dialog}
    </fieldset>
  );
}
