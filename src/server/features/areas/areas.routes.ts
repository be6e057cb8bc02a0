import { Type } from 'typebox';
import {
  AreaBoundaryView,
  AreaCode,
  AreaDetail,
  AreaSearchQuery,
  AreaSearchResult,
  AreaSummary,
  LocateQuery,
} from '../../../common/api/areas.js';
import { withErrors } from '../../../common/api/common.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import {
  getAreaBoundary,
  getAreaDetail,
  locateArea,
  searchAreaSummaries,
} from './areas.service.js';

const tags = ['areas'];

export function registerAreaRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/areas',
    {
      schema: {
        tags,
        summary: 'Search provinces, regencies, districts and villages by name',
        querystring: AreaSearchQuery,
        response: withErrors({ 200: AreaSearchResult }),
      },
    },
    async (request) => ({ items: await searchAreaSummaries(ctx, request.query) }),
  );

  app.get(
    '/api/areas/locate',
    {
      schema: {
        tags,
        summary: 'The most specific area whose boundary contains a point',
        querystring: LocateQuery,
        response: withErrors({ 200: AreaSummary }),
      },
    },
    (request) => locateArea(ctx, request.query.lat, request.query.lng),
  );

  app.get(
    '/api/areas/:code',
    {
      schema: {
        tags,
        summary: 'An area with its parents and children',
        params: Type.Object({ code: AreaCode }),
        response: withErrors({ 200: AreaDetail }),
      },
    },
    (request) => getAreaDetail(ctx, request.params.code),
  );

  app.get(
    '/api/areas/:code/boundary',
    {
      schema: {
        tags,
        summary: "An area's outline as a GeoJSON Polygon or MultiPolygon",
        params: Type.Object({ code: AreaCode }),
        response: withErrors({ 200: AreaBoundaryView }),
      },
    },
    async (request, reply) => {
      const boundary = await getAreaBoundary(ctx, request.params.code);
      // Outlines change only when an operator imports new ones.
      return reply.header('cache-control', 'public, max-age=3600').send(boundary);
    },
  );
}
