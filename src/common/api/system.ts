import { Type, type Static } from 'typebox';

/** Instance settings the web client reads at run time. */
export const PublicConfig = Type.Object({
  mapTileUrl: Type.String({ description: 'Tile URL template: {z}/{x}/{y}, optionally {s}' }),
});
export type PublicConfig = Static<typeof PublicConfig>;
