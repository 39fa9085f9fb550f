import type { Subject } from '@concord/shared/access/rights.ts';
import type { CaseSummary } from '@concord/shared/cases/case-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { planVillageMove, type VillageMove } from './case-move.ts';

/**
 * A change of the case's village, asked first when it would take the case out of the person's rights
 * (SPEC W-MOVE-1). Once made, the edit waits on this device like any other until the server has it on disk;
 * only then may the case leave the device (SPEC S-ACK-1, A-REVOKE-2).
 */
export class VillageMoveState {
  readonly #subject: () => Subject | null;
  readonly #summary: () => CaseSummary;
  readonly #apply: (village: VillageId) => void;
  #proposed = $state<VillageMove | null>(null);
  #moved = $state<VillageId | null>(null);

  constructor(options: {
    subject: () => Subject | null;
    summary: () => CaseSummary;
    apply: (village: VillageId) => void;
  }) {
    this.#subject = options.subject;
    this.#summary = options.summary;
    this.#apply = options.apply;
  }

  /** The move waiting for the person's word, if it would narrow their rights. */
  get proposed(): VillageMove | null {
    return this.#proposed;
  }

  /** The village the person moved the case to on this page, out of their rights altogether. */
  get moved(): VillageId | null {
    return this.#moved;
  }

  /** Moves the case at once when that changes nothing for the person; else asks first. */
  propose(village: VillageId): void {
    const subject = this.#subject();
    // signed out, the server decides when the edit is sent
    const plan = subject ? planVillageMove(subject, this.#summary(), village) : null;
    if (!plan || plan.consequence === 'keeps') {
      this.#proposed = null;
      this.#apply(village);
      return;
    }
    this.#proposed = plan;
  }

  confirm(): void {
    const plan = this.#proposed;
    if (!plan) return;
    this.#proposed = null;
    this.#apply(plan.village);
    // only a case that leaves the person's hands leaves the device, once the server has the move
    if (plan.consequence === 'loses') this.#moved = plan.village;
  }

  cancel(): void {
    this.#proposed = null;
  }
}
