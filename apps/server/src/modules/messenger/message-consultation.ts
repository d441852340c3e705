import { zCaseInput, type zMessageToConsultation } from '@komek/domain';
import type { z } from 'zod';
import { versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, scopeFilter } from '../../platform/policy.ts';
import { logIntervention } from '../cases/case-activity.service.ts';
import { caseScope, openCasesOfPersons } from '../cases/cases.repo.ts';
import { openCase } from '../cases/cases.service.ts';
import * as repo from './messenger.repo.ts';
import { messageToActOn, presentMessage } from './messenger.service.ts';

/**
 * A question answered in a district group, recorded as a consultation given by messaging group
 * for the person it turned out to be: on their open case the worker may manage, or on a case
 * opened now with the topics said. The words go with it redacted unless the worker keeps them.
 */
export async function messageToConsultation(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zMessageToConsultation>,
) {
  const { current, redacted, original } = await messageToActOn(
    platform,
    actor,
    id,
    input.version,
    input.keepWords,
  );
  const words = original?.text ?? redacted;
  const open = (
    await openCasesOfPersons(
      platform.database.db,
      [input.personId],
      caseScope(scopeFilter(actor, 'case.manage')),
    )
  )[0]?.case;
  const onCase =
    open ??
    (await openCase(
      platform,
      actor,
      zCaseInput.parse({
        personIds: [input.personId],
        problems: input.problems,
        summary: redacted.slice(0, 4000),
      }),
    ));
  await logIntervention(platform, actor, onCase.id, {
    type: 'consultation',
    date: current.message.sentAt.toISOString().slice(0, 10),
    durationMinutes: input.durationMinutes,
    channel: 'messaging_group',
    language: input.language,
    summary: words.slice(0, 4000),
  });
  const row = await repo.updateMessage(platform.database.db, id, input.version, {
    status: 'converted',
    caseId: onCase.id,
    originalEnc: null,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.message.version);
  return {
    message: presentMessage(platform, { ...current, message: row }),
    caseId: onCase.id,
    opened: !open,
  };
}
