import { Type } from 'typebox';
import { MyAreasBody, MyAreasView } from '../../../common/api/areas.js';
import { AuditPage, AuditQuery } from '../../../common/api/audit.js';
import { Ok, withErrors } from '../../../common/api/common.js';
import {
  AssignLiaisonBody,
  CreateStationBody,
  JurisdictionBody,
  LiaisonList,
  LiaisonParams,
  LiaisonView,
  StationIdParams,
  StationList,
  StationListQuery,
  StationView,
  UpdateStationBody,
} from '../../../common/api/stations.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import {
  assignLiaison,
  createStation,
  getMyAreas,
  getStationBySlug,
  listLiaisons,
  listStationDirectory,
  readStationAudit,
  removeLiaison,
  setJurisdiction,
  setMyAreas,
  updateStation,
} from './stations.service.js';
import { registerStationPages } from './stations.pages.js';

const tags = ['stations'];
const security = [{ session: [] }];

/** A citizen's areas, each with the station and village liaison serving it. */
function registerMyAreaRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/me/areas',
    {
      schema: {
        tags: ['areas'],
        summary: "The account's areas with their station and village liaison",
        security,
        response: withErrors({ 200: MyAreasView }),
      },
    },
    (request) => getMyAreas(ctx, request.actor),
  );

  app.put(
    '/api/me/areas',
    {
      schema: {
        tags: ['areas'],
        summary: "Replace the account's home and interest areas",
        security,
        body: MyAreasBody,
        response: withErrors({ 200: MyAreasView }),
      },
    },
    (request) => setMyAreas(ctx, request.actor, request.body),
  );
}

function registerStationAuditRoute(app: App, ctx: AppContext): void {
  app.get(
    '/api/stations/:id/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of a station and the stations below it, newest first',
        security,
        params: StationIdParams,
        querystring: AuditQuery,
        response: withErrors({ 200: AuditPage }),
      },
    },
    (request) => readStationAudit(ctx, request.actor, request.params.id, request.query),
  );
}

/** My areas first and the audit trail last: the order the OpenAPI document has always listed. */
export function registerStationRoutes(app: App, ctx: AppContext): void {
  registerMyAreaRoutes(app, ctx);
  app.get(
    '/api/stations',
    {
      schema: {
        tags,
        summary: 'Public directory of police stations',
        querystring: StationListQuery,
        response: withErrors({ 200: StationList }),
      },
    },
    async (request) => ({ items: await listStationDirectory(ctx, request.query) }),
  );

  app.get(
    '/api/stations/:slug',
    {
      schema: {
        tags,
        summary: 'A station with its contacts, children and jurisdiction',
        params: Type.Object({ slug: Type.String() }),
        response: withErrors({ 200: StationView }),
      },
    },
    (request) => getStationBySlug(ctx, request.params.slug),
  );

  app.post(
    '/api/stations',
    {
      schema: {
        tags,
        summary: 'Create a Polda (platform admin) or a child station (admin of the parent)',
        security,
        body: CreateStationBody,
        response: withErrors({ 201: StationView }),
      },
    },
    async (request, reply) => {
      const view = await createStation(ctx, request.actor, request.body);
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/api/stations/:id',
    {
      schema: {
        tags,
        summary: "Update a station's name, slug, address, phones or social links",
        security,
        params: StationIdParams,
        body: UpdateStationBody,
        response: withErrors({ 200: StationView }),
      },
    },
    (request) => updateStation(ctx, request.actor, request.params.id, request.body),
  );

  app.put(
    '/api/stations/:id/jurisdiction',
    {
      schema: {
        tags,
        summary: "Replace a station's jurisdiction (admin of the parent station)",
        security,
        params: StationIdParams,
        body: JurisdictionBody,
        response: withErrors({ 200: StationView }),
      },
    },
    (request) => setJurisdiction(ctx, request.actor, request.params.id, request.body.areaCodes),
  );

  app.get(
    '/api/stations/:id/liaisons',
    {
      schema: {
        tags,
        summary: 'Village liaison officers (Bhabinkamtibmas) of a station',
        security,
        params: StationIdParams,
        response: withErrors({ 200: LiaisonList }),
      },
    },
    async (request) => ({ items: await listLiaisons(ctx, request.actor, request.params.id) }),
  );

  app.put(
    '/api/stations/:id/liaisons/:villageCode',
    {
      schema: {
        tags,
        summary: 'Assign an officer of the station as liaison of a village',
        security,
        params: LiaisonParams,
        body: AssignLiaisonBody,
        response: withErrors({ 200: LiaisonView }),
      },
    },
    (request) =>
      assignLiaison(
        ctx,
        request.actor,
        request.params.id,
        request.params.villageCode,
        request.body.accountId,
      ),
  );

  app.delete(
    '/api/stations/:id/liaisons/:villageCode',
    {
      schema: {
        tags,
        summary: 'Remove the liaison of a village',
        security,
        params: LiaisonParams,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await removeLiaison(ctx, request.actor, request.params.id, request.params.villageCode);
      return { ok: true as const };
    },
  );

  registerStationAuditRoute(app, ctx);
  registerStationPages(app, ctx);
}
