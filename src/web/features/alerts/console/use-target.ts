import { useState } from 'preact/hooks';
import type { AlertTargetInput } from '../../../api/types.js';
import type { Named } from './shared.js';

export type DrawMode = 'none' | 'circle' | 'polygon';
type Circle = NonNullable<AlertTargetInput['circles']>[number];
type Polygon = NonNullable<AlertTargetInput['polygons']>[number];

/** The composer's target: chosen areas, drawn circles and polygons, the drawing mode. */
export function useTarget(
  initialAreas: Named[] = [],
  initialShapes: Pick<AlertTargetInput, 'circles' | 'polygons'> = {},
) {
  const [areas, setAreas] = useState<Named[]>(initialAreas);
  const [circles, setCircles] = useState<Circle[]>(initialShapes.circles ?? []);
  const [polygons, setPolygons] = useState<Polygon[]>(initialShapes.polygons ?? []);
  const [draft, setDraft] = useState<number[][]>([]);
  const [mode, setMode] = useState<DrawMode>('none');
  const [radiusM, setRadiusM] = useState(1000);
  const input: AlertTargetInput = {
    ...(areas.length > 0 ? { areas: areas.map((a) => a.code) } : {}),
    ...(circles.length > 0 ? { circles } : {}),
    ...(polygons.length > 0 ? { polygons } : {}),
  };
  return {
    areas,
    circles,
    polygons,
    draft,
    mode,
    radiusM,
    input,
    setMode,
    addArea: (area: Named) =>
      setAreas((list) => (list.some((a) => a.code === area.code) ? list : [...list, area])),
    removeArea: (code: string) => setAreas((list) => list.filter((a) => a.code !== code)),
    /** A new radius resizes the circle just placed, as the slider sits under it. */
    setRadius: (value: number) => {
      setRadiusM(value);
      setCircles((list) =>
        list.length === 0
          ? list
          : [...list.slice(0, -1), { ...list[list.length - 1]!, radiusM: value }],
      );
    },
    tap: (lat: number, lng: number) => {
      if (mode === 'circle') setCircles((list) => [...list, { lat, lng, radiusM }]);
      if (mode === 'polygon') setDraft((points) => [...points, [lng, lat]]);
    },
    closePolygon: () => {
      const first = draft[0];
      if (!first || draft.length < 3) return;
      setPolygons((list) => [...list, { type: 'Polygon', coordinates: [[...draft, first]] }]);
      setDraft([]);
    },
    clearShapes: () => {
      setCircles([]);
      setPolygons([]);
      setDraft([]);
    },
  };
}

export type Target = ReturnType<typeof useTarget>;
