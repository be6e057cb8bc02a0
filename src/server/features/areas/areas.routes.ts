import { Type } from 'typebox';
import {
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
import { getAreaDetail, locateArea, searchAreaSummaries } from './areas.service.js';

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
}
