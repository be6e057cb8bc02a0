import { Type, type Static } from 'typebox';
import { AREA_CODE_PATTERN, AREA_LEVELS } from '../domain/areas.js';
import { STATION_LEVELS } from '../domain/roles.js';

export const AreaCode = Type.String({ pattern: AREA_CODE_PATTERN, examples: ['31.74.05.1001'] });
export const AreaLevel = Type.Enum(AREA_LEVELS);

export const AreaRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: AreaLevel,
});
export type AreaRef = Static<typeof AreaRef>;

/** An area with its ancestors (nearest first) and a label a citizen can tell apart. */
export const AreaSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: AreaLevel,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  parents: Type.Array(AreaRef, { description: 'Nearest parent first, up to the province' }),
  label: Type.String({ examples: ['Kebayoran Lama Utara, Kebayoran Lama, Kota Jakarta Selatan'] }),
});
export type AreaSummary = Static<typeof AreaSummary>;

/** An area's outline as GeoJSON, for maps (the composer's, also when map tiles cannot load). */
export const AreaBoundaryView = Type.Object({
  code: Type.String(),
  geometry: Type.Object({
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown()),
  }),
});
export type AreaBoundaryView = Static<typeof AreaBoundaryView>;

export const AreaDetail = Type.Object({
  ...AreaSummary.properties,
  children: Type.Array(AreaRef),
});
export type AreaDetail = Static<typeof AreaDetail>;

export const AreaSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  level: Type.Optional(AreaLevel),
  parent: Type.Optional(AreaCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type AreaSearchQuery = Static<typeof AreaSearchQuery>;

export const AreaSearchResult = Type.Object({ items: Type.Array(AreaSummary) });

export const LocateQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
});

export const AreaKind = Type.Union([Type.Literal('home'), Type.Literal('interest')]);

export const MyAreasBody = Type.Object(
  {
    areas: Type.Array(
      Type.Object({ code: AreaCode, kind: AreaKind }, { additionalProperties: false }),
      {
        maxItems: 10,
      },
    ),
  },
  { additionalProperties: false },
);
export type MyAreasBody = Static<typeof MyAreasBody>;

export const Phone = Type.Object({
  label: Type.String(),
  number: Type.String(),
  /** The number as Indonesians write it: (021) 7221111, 0812-3456-7890, 110. */
  display: Type.String(),
});
export type Phone = Static<typeof Phone>;

export const ResponsibleStation = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  level: Type.Enum(STATION_LEVELS),
  phones: Type.Array(Phone),
});
export type ResponsibleStation = Static<typeof ResponsibleStation>;

export const Liaison = Type.Object({
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  whatsappUrl: Type.Union([Type.String(), Type.Null()]),
});
export type Liaison = Static<typeof Liaison>;

export const MyArea = Type.Object({
  ...AreaSummary.properties,
  kind: AreaKind,
  station: Type.Union([ResponsibleStation, Type.Null()]),
  liaison: Type.Union([Liaison, Type.Null()], {
    description: 'The village liaison officer (Bhabinkamtibmas), when assigned',
  }),
});
export type MyArea = Static<typeof MyArea>;

export const MyAreasView = Type.Object({ areas: Type.Array(MyArea) });
export type MyAreasView = Static<typeof MyAreasView>;
