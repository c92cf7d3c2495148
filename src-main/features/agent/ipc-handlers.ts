// Main-side handlers for agent.*: what the guest agent reports, and agent commands built as plans whose output
// is kept (bounded) for agent.output.
import type { AgentOutput } from '../../../src-shared/ipc/channels/agent.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { agentInfo, buildAgentPlan } from './agent-service.js';

const MAX_OUTPUTS = 200;

export function createAgentHandlers(
  deps: PlanSource,
): Pick<Handlers, 'agent.info' | 'agent.plan' | 'agent.output'> {
  const outputs = new Map<string, AgentOutput>();
  return {
    'agent.info': async ({ profileId, guest }) => agentInfo(deps.clientFor(profileId), guest),
    'agent.plan': async ({ profileId, guest, run }) => {
      const plan = await assembleFor(deps, profileId, (c, id) => buildAgentPlan(c, guest, run, id, outputs));
      for (const id of outputs.keys()) if (outputs.size > MAX_OUTPUTS) outputs.delete(id);
      return plan;
    },
    'agent.output': async ({ planId }) => {
      const out = outputs.get(planId);
      if (!out) throw new AppFailure('not_found', 'No audit output for this plan');
      return out;
    },
  };
}
