import {
  guardRefusal,
  type GuardRefusal,
  type RefusedChange,
} from '@concord/shared/access/guard-refusals.ts';
import { allStepKinds } from '@concord/shared/cases/workflow/step-rights.ts';
import type { WorkflowEventKind } from '@concord/shared/cases/workflow/events.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import { formKey } from '../workflow/wording.ts';
import { fieldLabel, fieldText } from './case-history.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Why the server undid a change, in words (SPEC W-REFUSE-1). A new code fails the type check here until worded. */
export function refusalReasonKey(reason: GuardRefusal): MessageKey {
  switch (reason) {
    case guardRefusal.place:
      return 'refused_guard_place';
    case guardRefusal.assignment:
      return 'refused_guard_assignment';
    case guardRefusal.invitations:
      return 'refused_guard_invitations';
    case guardRefusal.minutesLocked:
      return 'refused_guard_minutes_locked';
    case guardRefusal.lockByConvener:
      return 'refused_guard_lock_by_convener';
    case guardRefusal.unlockNeedsReason:
      return 'refused_guard_unlock_needs_reason';
    case guardRefusal.attendanceOthers:
      return 'refused_guard_attendance_others';
    case guardRefusal.convenerOnly:
      return 'refused_guard_convener_only';
    case guardRefusal.authorForged:
      return 'refused_guard_author_forged';
    case guardRefusal.appendOnly:
      return 'refused_guard_append_only';
    case guardRefusal.unreadable:
      return 'refused_guard_unreadable';
    case guardRefusal.required:
      return 'refused_guard_required';
    case guardRefusal.serverOnly:
      return 'refused_guard_server_only';
    case guardRefusal.exists:
      return 'refused_guard_exists';
    case guardRefusal.role:
      return 'refused_step_role';
    case guardRefusal.notDispatchedHere:
      return 'refused_step_not_dispatched_here';
    case guardRefusal.verifierNotSelf:
      return 'refused_step_verifier_not_self';
  }
}

function isStepKind(kind: string): kind is WorkflowEventKind {
  return (allStepKinds as readonly string[]).includes(kind);
}

/**
 * What the person reads of one refused change: "服务器撤销了你的修改:案件所属村只能由镇综治中心、司法所或警务室调整". The field is named
 * as the history names it, a step by its form's name.
 */
export function refusalLine(change: RefusedChange, t: Translate): string {
  const field = fieldText(fieldLabel(change.field), t);
  const step =
    change.step !== undefined && isStepKind(change.step) ? t(formKey(change.step)) : t('refused_some_step');
  return t('refused_line', { reason: t(refusalReasonKey(change.reason), { field, step }) });
}
