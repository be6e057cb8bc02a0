import { Type, type Static } from 'typebox';
import { STATION_LEVELS } from '../domain/roles.js';
import { AreaCode, AreaRef, Phone } from './areas.js';

export const StationLevel = Type.Enum(STATION_LEVELS);
export const Slug = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 3,
  maxLength: 60,
  description: 'Lower-case kebab-case, unique',
  examples: ['polres-metro-jakarta-selatan'],
});

const Url = Type.String({ format: 'uri', pattern: '^https://', maxLength: 300 });
export const SocialLinks = Type.Object(
  {
    facebook: Type.Optional(Url),
    instagram: Type.Optional(Url),
    x: Type.Optional(Url),
    tiktok: Type.Optional(Url),
    youtube: Type.Optional(Url),
    website: Type.Optional(Url),
  },
  { additionalProperties: false },
);
export type SocialLinks = Static<typeof SocialLinks>;

const PhoneInput = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 60 }),
    number: Type.String({
      pattern: '^\\+?[0-9][0-9 -]{2,19}$',
      examples: ['110', '+62 21 7206004'],
    }),
  },
  { additionalProperties: false },
);

export const StationRef = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  level: StationLevel,
});
export type StationRef = Static<typeof StationRef>;

/** What the directory and the station page both show of a station. */
const StationCard = Type.Object({
  ...StationRef.properties,
  /** Demo data (`siaga seed demo`): the UI labels it so nobody mistakes it for a real station. */
  isDemo: Type.Boolean(),
  parent: Type.Union([StationRef, Type.Null()]),
  address: Type.String(),
  phones: Type.Array(Phone),
  /** IANA zone its times are written in: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timezone: Type.String(),
});

export const StationListItem = Type.Object({
  ...StationCard.properties,
  /** Names of the areas the station serves, for the directory's search. */
  areaNames: Type.Array(Type.String()),
});
export type StationListItem = Static<typeof StationListItem>;

export const StationView = Type.Object({
  ...StationCard.properties,
  children: Type.Array(StationRef),
  socialLinks: SocialLinks,
  jurisdiction: Type.Array(AreaRef),
});
export type StationView = Static<typeof StationView>;

export const StationListQuery = Type.Object({
  level: Type.Optional(StationLevel),
  parent: Type.Optional(Type.String({ description: "The parent station's slug" })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type StationListQuery = Static<typeof StationListQuery>;

export const StationList = Type.Object({ items: Type.Array(StationListItem) });

const Name = Type.String({ minLength: 3, maxLength: 120 });
const Address = Type.String({ maxLength: 300 });
const Phones = Type.Array(PhoneInput, { maxItems: 10 });

export const CreateStationBody = Type.Object(
  {
    name: Name,
    slug: Slug,
    level: StationLevel,
    parentId: Type.Optional(Type.String()),
    address: Type.Optional(Address),
    phones: Type.Optional(Phones),
    socialLinks: Type.Optional(SocialLinks),
    areaCodes: Type.Optional(Type.Array(AreaCode, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type CreateStationBody = Static<typeof CreateStationBody>;

export const UpdateStationBody = Type.Object(
  {
    name: Type.Optional(Name),
    slug: Type.Optional(Slug),
    address: Type.Optional(Address),
    phones: Type.Optional(Phones),
    socialLinks: Type.Optional(SocialLinks),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStationBody = Static<typeof UpdateStationBody>;

export const JurisdictionBody = Type.Object(
  { areaCodes: Type.Array(AreaCode, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type JurisdictionBody = Static<typeof JurisdictionBody>;

export const StationIdParams = Type.Object({ id: Type.String() });
export const LiaisonParams = Type.Object({ id: Type.String(), villageCode: AreaCode });

export const AssignLiaisonBody = Type.Object(
  { accountId: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

export const LiaisonView = Type.Object({
  village: AreaRef,
  account: Type.Object({
    id: Type.String(),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
  }),
  assignedAt: Type.String(),
});
export type LiaisonView = Static<typeof LiaisonView>;
export const LiaisonList = Type.Object({ items: Type.Array(LiaisonView) });
