import type { RegisterHousehold, RegisterMember } from '$lib/operator/usulan/form';
import type { KabupatenRules } from '$lib/operator/usulan/register';

/**
 * The desa's register as the wizard's rows need it (to pick a household, prefill a correction,
 * choose members who leave, check a reactivation against the kabupaten's policy). Loaded on first
 * use, with Firebase, so the form accepts input before either has arrived. A failed load keeps its
 * error in `failure`, worded by the page in the chosen language (`<ErrorNotice>`).
 */
export class RegisterLookup {
  households = $state<RegisterHousehold[]>([]);
  byId = $derived(new Map(this.households.map((h) => [h.id, h])));
  rules = $state<KabupatenRules | null>(null);
  loaded = $state(false);
  failure = $state<unknown>(null);
  #members = new Map<string, Promise<RegisterMember[]>>();
  #started = false;

  readonly desaCode: string;
  readonly kabupatenCode: string;

  constructor(desaCode: string, kabupatenCode: string) {
    this.desaCode = desaCode;
    this.kabupatenCode = kabupatenCode;
  }

  load(): void {
    if (this.#started) return;
    this.#started = true;
    void import('$lib/operator/usulan/register').then(
      async (r) => {
        try {
          const [households, rules] = await Promise.all([r.desaHouseholds(this.desaCode), r.kabupatenRules(this.kabupatenCode)]);
          this.households = households;
          this.rules = rules;
        } catch (err) {
          this.failure = err;
        } finally {
          this.loaded = true;
        }
      },
      (err: unknown) => {
        this.failure = err;
        this.loaded = true;
        this.#started = false;
      },
    );
  }

  members(householdId: string): Promise<RegisterMember[]> {
    let p = this.#members.get(householdId);
    if (!p) {
      p = import('$lib/operator/usulan/register').then((r) => r.householdMembers(householdId, this.desaCode));
      p.catch(() => this.#members.delete(householdId));
      this.#members.set(householdId, p);
    }
    return p;
  }
}
