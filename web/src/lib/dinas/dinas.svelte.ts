import { getContext, setContext } from 'svelte';
import { doc } from 'firebase/firestore';
import { approvalOf, DEFAULT_STALENESS_POLICY, type ActorRole, type ApprovalLevels, type StalenessPolicy } from '$domain/index.js';
import { collections } from '$lib/collections';
import { liveDoc } from '$lib/live.svelte';
import type { Session } from '$lib/session.svelte';
import { decidingActor, type Decider, type DinasRole } from './decisions';

/**
 * What every Dinas Sosial page needs to know about the person and their kabupaten: the role, the
 * kabupaten's policy (one or two approval levels, the staleness cycle) and so who they decide as.
 * Created once by the dinas layout and shared through context.
 */
export class DinasContext {
  #session: Session;
  readonly policy;

  constructor(session: Session) {
    this.#session = session;
    this.policy = liveDoc(() => (this.kabupaten ? doc(collections.policies(), this.kabupaten) : null));
  }

  /** Firebase Auth has restored the session: until then the claims are the cached ones and nothing may be read. */
  get ready(): boolean {
    return this.#session.ready;
  }

  get role(): DinasRole | null {
    const r = this.#session.claims?.role;
    return r === 'verifikator' || r === 'kadis' ? r : null;
  }

  /** The kabupaten whose data the pages read; null until the signed-in session is confirmed. */
  get kabupaten(): string | null {
    return this.role && this.#session.ready && this.#session.user ? (this.#session.claims?.kabupaten ?? null) : null;
  }

  get approval(): ApprovalLevels {
    return approvalOf(this.policy.item?.data);
  }

  get singleLevel(): boolean {
    return this.approval === 'satu_tingkat';
  }

  /** Who this person decides as: verifikator or kadis, or the single Dinas decision-maker. */
  get actor(): ActorRole | null {
    return this.role ? decidingActor(this.role, this.approval) : null;
  }

  /** The person as the decision rule sees them (domain `planDecision`): role and approval levels. */
  get decider(): Decider | null {
    return this.role ? { role: this.role, approval: this.approval } : null;
  }

  get staleness(): StalenessPolicy {
    return this.policy.item?.data.staleness ?? DEFAULT_STALENESS_POLICY;
  }
}

const KEY = Symbol('dinas');

export function provideDinas(session: Session): DinasContext {
  return setContext(KEY, new DinasContext(session));
}

export function useDinas(): DinasContext {
  return getContext<DinasContext>(KEY);
}
