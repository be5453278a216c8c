import type { Request, Router } from 'express';
import QRCode from 'qrcode';
import {
  ErrorCode,
  MAX_CARD_ATTEMPTS_PER_15_MINUTES,
  MAX_JOINS_PER_MINUTE,
  joinBody,
  normalizeCardCode,
  normalizeJoinCode,
  normalizeNickname,
  resumeBody,
  translationsOf,
  type JoinInfo,
  type JoinResponse,
  type Site,
} from '@gommette/shared';
import { hashSecret, newCardCode, newId, newToken } from '../security/tokens';
import { joinUrl, publicBaseUrl } from '../workshop/links';
import { selfView } from '../workshop/views';
import { UniqueViolationError, type ParticipantRecord } from '../store/WorkshopStore';
import type { AppContext } from '../context';
import type { WorkshopEnd } from '../run/WorkshopEnd';
import { cardsShowReturning } from '../retour/returning';
import { HttpError, orThrow } from '../http/errors';
import { limitRequests } from '../http/rateLimits';
import { guardedRouter } from '../http/guards';
import { loadRoom } from '../run/room';

const MAX_CARD_DRAWS = 5;

export function joinRoutes(ctx: AppContext, workshopEnd: WorkshopEnd): Router {
  const router = guardedRouter();
  const { store, config } = ctx;
  const joinLimiter = limitRequests({ windowMs: 60_000, limit: MAX_JOINS_PER_MINUTE });
  // Only failed card look-ups count, so a guessing run is slowed without hurting real residents.
  const cardLimiter = limitRequests({ windowMs: 15 * 60_000, limit: MAX_CARD_ATTEMPTS_PER_15_MINUTES, skipSuccessfulRequests: true });

  async function siteFromParam(req: Request): Promise<Site> {
    const code = normalizeJoinCode(String(req.params.joinCode ?? ''));
    const site = code ? await store.getSiteByJoinCode(code) : null;
    if (!site) throw new HttpError(ErrorCode.NotFound, 'unknown join code');
    return site;
  }

  async function joinResponse(participant: ParticipantRecord, token: string, cardCode: string): Promise<JoinResponse> {
    const sites = await store.listSites(participant.workshopId);
    const site = sites.find((candidate) => candidate.id === participant.siteId);
    if (!site) throw new Error(`participant ${participant.id} has no site`);
    return {
      participantToken: token,
      cardCode,
      joinCode: site.joinCode,
      participant: selfView(participant),
    };
  }

  router.get('/api/join/:joinCode', async (req, res) => {
    const site = await siteFromParam(req);
    const workshop = await store.getWorkshop(site.workshopId);
    if (!workshop) throw new HttpError(ErrorCode.NotFound, 'unknown join code');
    // A last step whose countdown reached zero while no timer ran (a restart) ends now.
    await workshopEnd.settle(workshop.id);
    const room = await loadRoom(ctx, workshop.id);
    const body: JoinInfo = {
      workshop: { id: workshop.id, title: workshop.title, question: workshop.question, purpose: workshop.purpose },
      site: { id: site.id, name: site.name, joinCode: site.joinCode },
      translations: translationsOf(room.translations, [workshop.title, workshop.question, workshop.purpose]),
      finished: (await ctx.retour.getFollowUp(workshop.id)).finishedAt !== null,
    };
    res.json(body);
  });

  router.get('/api/sites/:joinCode/qr.svg', async (req, res) => {
    const site = await siteFromParam(req);
    const url = joinUrl(publicBaseUrl(config.publicUrl, req.headers, req.secure), site.joinCode);
    // Error correction M survives a projector's glare and a phone held at an angle.
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    res.type('image/svg+xml').setHeader('Cache-Control', 'no-cache').send(svg);
  });

  router.post('/api/sites/:joinCode/participants', joinLimiter, async (req, res) => {
    const site = await siteFromParam(req);
    const body = joinBody.parse(req.body);
    const nickname = orThrow(normalizeNickname(body.nickname));
    const returning = await cardsShowReturning(ctx, site.workshopId, body.earlierCards ?? []);
    const token = newToken();
    for (let attempt = 1; ; attempt++) {
      const cardCode = newCardCode();
      const participant: ParticipantRecord = {
        id: newId(),
        workshopId: site.workshopId,
        siteId: site.id,
        cardHash: hashSecret(cardCode),
        nickname,
        mood: body.mood,
        createdAt: ctx.now(),
        kind: 'resident',
        tableId: null,
      };
      try {
        await store.createParticipant(participant, hashSecret(token), { returning });
      } catch (error) {
        if (error instanceof UniqueViolationError && attempt < MAX_CARD_DRAWS) continue;
        throw error;
      }
      res.status(201).json(await joinResponse(participant, token, cardCode));
      return;
    }
  });

  router.post('/api/participants/resume', cardLimiter, async (req, res) => {
    const { cardCode: typed } = resumeBody.parse(req.body);
    const cardCode = normalizeCardCode(typed);
    const participant = cardCode ? await store.getParticipantByCardHash(hashSecret(cardCode)) : null;
    if (!participant || !cardCode) throw new HttpError(ErrorCode.NotFound, 'unknown participant card');
    const token = newToken();
    await store.addParticipantToken(participant.id, hashSecret(token));
    res.json(await joinResponse(participant, token, cardCode));
  });

  return router;
}
