// The captured output of an audit run, one block per command, with an export as a text file.
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
    <section className="agent-output" data-testid="agent-output">
      <header>
        <h4>Audit output</h4>
        <button type="button" onClick={() => download(output)} data-testid="agent-export">
          Export
        </button>
      </header>
      {output.entries.map((e, i) => (
        <article key={i} data-testid="agent-output-entry" data-state={e.state}>
          <h5>
            <code>$ {e.command}</code>{' '}
            <small>
              {e.state}
              {e.exitcode !== undefined ? ` · exit ${e.exitcode}` : ''}
            </small>
          </h5>
          <pre data-testid="agent-stdout">{e.stdout}</pre>
          {e.stderr && <pre className="stderr">{e.stderr}</pre>}
        </article>
      ))}
    </section>
  );
}
