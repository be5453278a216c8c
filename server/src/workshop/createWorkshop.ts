import type { IncomingHttpHeaders } from 'node:http';
import { checkPhases, initialRoom, planWorkshop, type CreateWorkshopBody, type CreateWorkshopResponse, type Questionnaire } from '@gommette/shared';
import type { AppContext } from '../context';
import { orThrow } from '../http/errors';
import { hashSecret, helperTokenFor, newId, newJoinCode, newToken, observerTokenFor, screenTokenFor } from '../security/tokens';
import { UniqueViolationError } from '../store/WorkshopStore';
import { facilitatorUrl, helperUrl, observerUrl, publicBaseUrl, screenUrl, siteLinks } from './links';

/** Join codes are drawn at random; on the rare collision, draw again. */
const MAX_CREATE_ATTEMPTS = 5;

/**
 * Creates a workshop from a parsed body (the single-workshop link and the centre's space both use
 * it); refusals are thrown as `HttpError`. Returns the links, with the facilitator's secret.
 */
export async function createWorkshop(
  ctx: AppContext,
  draft: CreateWorkshopBody,
  request: { headers: IncomingHttpHeaders; secure: boolean },
  options: { questionnaire?: Questionnaire } = {},
): Promise<CreateWorkshopResponse> {
  const { store, config } = ctx;
  const phases = orThrow(checkPhases(draft.phases ?? []));
  const initial = initialRoom(phases);
  const room = {
    ...initial,
    tableCount: draft.tableCount ?? 0,
    safeMode: draft.safeMode ?? false,
    questionnaire: options.questionnaire ?? initial.questionnaire,
  };
  const facilitatorToken = newToken();
  const screenToken = screenTokenFor(facilitatorToken);
  for (let attempt = 1; ; attempt++) {
    const planned = orThrow(
      planWorkshop(draft, { workshopId: newId(), siteIds: draft.sites.map(newId), joinCodes: draft.sites.map(() => newJoinCode()) }, ctx.now()),
    );
    try {
      await store.createWorkshop(
        {
          ...planned.workshop,
          facilitatorTokenHash: hashSecret(facilitatorToken),
          screenTokenHash: hashSecret(screenToken),
          helperTokenHash: hashSecret(helperTokenFor(facilitatorToken)),
          observerTokenHash: hashSecret(observerTokenFor(facilitatorToken)),
        },
        planned.sites,
        room,
      );
    } catch (error) {
      if (error instanceof UniqueViolationError && attempt < MAX_CREATE_ATTEMPTS) continue;
      throw error;
    }
    const base = publicBaseUrl(config.publicUrl, request.headers, request.secure);
    ctx.logger.info({ workshopId: planned.workshop.id, sites: planned.sites.length }, 'workshop created');
    return {
      id: planned.workshop.id,
      facilitatorUrl: facilitatorUrl(base, planned.workshop.id, facilitatorToken),
      facilitatorToken,
      screenUrl: screenUrl(base, planned.workshop.id, screenToken),
      screenToken,
      helperUrl: helperUrl(base, planned.workshop.id, helperTokenFor(facilitatorToken)),
      observerUrl: observerUrl(base, planned.workshop.id, observerTokenFor(facilitatorToken)),
      sites: siteLinks(planned.sites, base),
    };
  }
}
