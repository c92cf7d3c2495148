// Serialised /cluster/resources answers, reused within one metrics tick while cluster state and ACLs stay the same.
import { rawJson, type Principal, type RawJsonResult } from '../http/types.js';
import { principalId } from '../rbac/access-control.js';
import type { AccessControl } from '../rbac/types.js';
import { TICK_MS } from './metrics.js';
import { type ResourceCache, visibleResources } from './resources.js';
import type { ClusterState } from './state.js';

/** pollers (the GUI every 3 s, our app, benches) ask again and again; JSON.stringify of 10k entries is the cost */
export class ResourcesAnswerCache {
  private generation = '';
  private readonly answers = new Map<string, string>();

  constructor(
    private readonly resources: ResourceCache,
    private readonly state: ClusterState,
  ) {}

  /** keyed by caller (their visibility) and type filter; everything is dropped on a new tick, state or ACL version */
  answer(acl: AccessControl, who: Principal, type: string | undefined): RawJsonResult {
    const generation = `${Math.floor(this.state.now() / TICK_MS)}:${this.state.version}:${acl.version}`;
    if (generation !== this.generation) {
      this.answers.clear();
      this.generation = generation;
    }
    const key = `${principalId(who)}\0${type ?? ''}`;
    let json = this.answers.get(key);
    if (json === undefined) {
      if (this.answers.size >= 64) this.answers.clear();
      json = JSON.stringify(visibleResources(this.resources, this.state, acl, who, type));
      this.answers.set(key, json);
    }
    return rawJson(json);
  }
}
