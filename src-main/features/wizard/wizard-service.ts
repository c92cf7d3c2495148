// The token wizard in main: commands for a preset, the setup as a confirm-diff plan in the plans store, verify and save.
import { randomUUID } from 'node:crypto';
import type {
  VerifyResult,
  WizardInput,
  WizardOutput,
  VerifySource,
  WizardScope,
} from '../../../src-shared/ipc/channels/wizard.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { ProfileView } from '../../../src-shared/model/profile.js';
import { actionById } from '../../../src-shared/permissions/action-privileges.js';
import type { PveMajor } from '../../../src-shared/permissions/versions.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import type { PresetId } from '../../../src-shared/wizard/presets.js';
import { planTokenSetup, tokenSetupPlan, type TokenSetup } from '../../../src-shared/wizard/token-setup.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { tokenAuth } from '../../pve/auth.js';
import { PveClient } from '../../pve/client.js';
import type { PlanStore } from '../../plans/plan-store.js';
import type { PlanStep } from '../../plans/plan-types.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { readExistingAccess } from './existing-access.js';
import { runSetupCall } from './run-setup-call.js';
import type { PermissionsService } from '../permissions/permissions-service.js';
import { presetActions, verifyCapabilities } from './verify-token.js';

export interface WizardDeps {
  profiles: Pick<ProfileStore, 'get' | 'save'>;
  permissions: PermissionsService;
  plans: Pick<PlanStore, 'add' | 'get'>;
  clientFor(profileId: string): PveCaller & { readonly identity: string };
  /** extra CA certificates for a token given by host (as the connect service trusts) */
  extraCa?: string[];
}

export interface WizardService {
  generate(input: WizardInput & { profileId?: string; major?: PveMajor }): Promise<WizardOutput>;
  plan(input: WizardInput & { profileId: string }): Promise<Plan>;
  verify(source: VerifySource, preset: PresetId, scope: WizardScope): Promise<VerifyResult>;
  saveProfile(planId: string, name: string): Promise<ProfileView>;
}

/** Roles named after the user too, so a second wizard run for another user does not collide with the first one's roles. */
export function rolePrefixFor(userid: string): string {
  return `Proxdeck-${userid.replace(/@.*$/, '').replace(/[^A-Za-z0-9]+/g, '')}`;
}

/** A token the wizard created, bound to the host, port and pin it was created on (a later profile edit never moves it). */
interface Created {
  profileId: string;
  tokenId: string;
  secret: string;
  host: string;
  port: number;
  pin: string | undefined;
}

function outputOf(setup: TokenSetup): WizardOutput {
  return {
    fullTokenId: setup.fullTokenId,
    major: setup.input.major,
    commands: setup.commands,
    roles: setup.roles,
    acls: setup.acls,
    dropped: setup.dropped,
    notes: setup.notes,
    actions: presetActions(setup.input.preset).map((id) => ({ id, label: actionById(id).label })),
  };
}

export const setupFor = (input: WizardInput, major: PveMajor): TokenSetup =>
  planTokenSetup({
    preset: input.preset,
    scope: input.scope,
    userid: input.userid,
    tokenid: input.tokenid,
    major,
    rolePrefix: rolePrefixFor(input.userid),
  });

const tokenClient = (
  host: string,
  port: number,
  pin: string | undefined,
  tokenId: string,
  secret: string,
  extraCa?: string[],
): PveClient =>
  new PveClient({
    host,
    port,
    auth: tokenAuth(tokenId, secret),
    trust: { ...(pin ? { pin } : {}), ...(extraCa ? { extraCa } : {}) },
  });

export function createWizardService(deps: WizardDeps): WizardService {
  /** plan id -> the token its run created; the secret never leaves main */
  const created = new Map<string, Created>();

  async function majorFor(profileId: string | undefined, given: PveMajor | undefined): Promise<PveMajor> {
    if (given) return given;
    if (!profileId) return 9;
    return (await deps.permissions.get(profileId)).major ?? 9;
  }

  function createdBy(planId: string): Created {
    const c = created.get(planId);
    if (!c) throw new AppFailure('not_found', 'This plan has not created a token (run it first)');
    return c;
  }

  function clientForSource(source: VerifySource): {
    client: PveCaller;
    identity: string;
    close(): Promise<void>;
  } {
    if (source.kind === 'profile') {
      const client = deps.clientFor(source.profileId);
      return { client, identity: client.identity, close: async () => {} };
    }
    if (source.kind === 'plan') {
      const c = createdBy(source.planId);
      const client = tokenClient(c.host, c.port, c.pin, c.tokenId, c.secret, deps.extraCa);
      return { client, identity: c.tokenId, close: () => client.close() };
    }
    const client = tokenClient(
      source.host,
      source.port ?? 8006,
      source.fingerprint,
      source.tokenId,
      source.secret,
      deps.extraCa,
    );
    return { client, identity: source.tokenId, close: () => client.close() };
  }

  return {
    async generate(input) {
      const major = await majorFor(input.profileId, input.major);
      return outputOf(setupFor(input, major));
    },

    async plan(input) {
      const profile = deps.profiles.get(input.profileId);
      const [info, existing] = await Promise.all([
        deps.permissions.get(input.profileId, true),
        readExistingAccess(deps.clientFor(input.profileId), input.userid),
      ]);
      const setup = setupFor(input, info.major ?? 9);
      const built = tokenSetupPlan(
        setup,
        { answer: info.answer, identity: { id: info.identity }, readOnly: profile.readOnly },
        existing,
      );
      // a fresh id per build: the plans store runs an id at most once
      const plan: Plan = { ...built, id: randomUUID() };
      const steps: PlanStep[] = built.calls
        .map((planned) => ({ method: planned.method, path: planned.path, params: planned.params }))
        .map((call) => ({
          call,
          async run(c) {
            const token = await runSetupCall(c, call);
            if (token)
              created.set(plan.id, {
                profileId: input.profileId,
                tokenId: token['full-tokenid'],
                secret: token.value,
                host: profile.host,
                port: profile.port,
                pin: profile.pinnedFingerprint,
              });
            return undefined;
          },
        }));
      // the ACLs changed: what every connected identity may do is re-read once the last call is through
      const last = steps[steps.length - 1];
      if (last) {
        const runLast = last.run.bind(last);
        last.run = async (c) => {
          const out = await runLast(c);
          await deps.permissions.refreshAll();
          return out;
        };
      }
      deps.plans.add({
        plan,
        profileId: input.profileId,
        identity: info.identity,
        steps,
        preconditions: [],
        targets: [],
      });
      return plan;
    },

    async verify(source, preset, scope) {
      const { client, identity, close } = clientForSource(source);
      try {
        return await verifyCapabilities(client, identity, preset, scope);
      } finally {
        await close();
      }
    },

    async saveProfile(planId, name) {
      const c = createdBy(planId);
      return deps.profiles.save(
        {
          name,
          host: c.host,
          port: c.port,
          auth: { kind: 'token', tokenId: c.tokenId },
          ...(c.pin ? { pinnedFingerprint: c.pin } : {}),
          readOnly: false,
        },
        c.secret,
        // the pin is the one the token was created through, held by main since
        { trustedPin: true },
      );
    },
  };
}
