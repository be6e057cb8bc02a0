import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AreaBoundaryView } from '../../../../common/api/areas.js';
import type { AlertTargetInput } from '../../../api/types.js';

type Circle = NonNullable<AlertTargetInput['circles']>[number];
type Polygon = NonNullable<AlertTargetInput['polygons']>[number];

export interface AlertMapProps {
  tileUrl: string;
  label: string;
  circles: Circle[];
  polygons: Polygon[];
  /** Points of the polygon being drawn, as [lng, lat]. */
  draft: number[][];
  /** The jurisdiction's and the chosen areas' outlines: the map to draw on even without tiles. */
  outlines: AreaBoundaryView[];
  onTap: (lat: number, lng: number) => void;
  /** Where to open instead of Jakarta (e.g. a report's position). */
  focus?: { lat: number; lng: number; zoom: number };
  /** Called once when the tiles cannot be fetched (no internet, tile server down). */
  onTilesFailed: () => void;
}

/** Jakarta: where most of the first stations are; the officer pans from there. */
const START: L.LatLngTuple = [-6.2, 106.83];
const SHAPE = { color: '#b42318', weight: 2, fillOpacity: 0.15 };
const OUTLINE = { color: '#0b3d91', weight: 1.5, fill: false, interactive: false };

/**
 * The composer's map. Shapes are vector layers and circle markers (no marker images to fetch);
 * taps work whether or not the tiles load.
 */
export function AlertMap(props: AlertMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const shapes = useRef<L.LayerGroup | null>(null);
  const outlines = useRef<L.LayerGroup | null>(null);
  const onTap = useRef(props.onTap);
  onTap.current = props.onTap;
  const onTilesFailed = useRef(props.onTilesFailed);
  onTilesFailed.current = props.onTilesFailed;
  const [tilesFailed, setTilesFailed] = useState(false);

  useEffect(() => {
    if (!element.current) return;
    const { focus } = props;
    const created = L.map(element.current, {
      center: focus ? [focus.lat, focus.lng] : START,
      zoom: focus?.zoom ?? 11,
    });
    const tiles = L.tileLayer(props.tileUrl, {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap',
    }).addTo(created);
    // Without tiles the shapes stay on a plain background instead of broken-image squares.
    tiles.once('tileerror', () => {
      setTilesFailed(true);
      onTilesFailed.current();
    });
    created.on('click', (event: L.LeafletMouseEvent) =>
      onTap.current(event.latlng.lat, event.latlng.lng),
    );
    outlines.current = L.layerGroup().addTo(created);
    shapes.current = L.layerGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [props.tileUrl]);

  useEffect(() => {
    const group = outlines.current;
    if (!group || !map.current) return;
    group.clearLayers();
    // Polygon or MultiPolygon geometries, as the server's schema says.
    const layer = L.geoJSON(
      props.outlines.map((o) => ({
        type: 'Feature',
        properties: { code: o.code },
        geometry: o.geometry,
      })),
      { style: OUTLINE },
    ).addTo(group);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.current.fitBounds(bounds, { padding: [8, 8] });
  }, [props.outlines]);

  useEffect(() => {
    const group = shapes.current;
    if (!group) return;
    group.clearLayers();
    for (const circle of props.circles) {
      L.circle([circle.lat, circle.lng], { ...SHAPE, radius: circle.radiusM }).addTo(group);
    }
    for (const polygon of props.polygons) {
      const ring = (polygon.coordinates[0] ?? []).map(([lng = 0, lat = 0]) => L.latLng(lat, lng));
      L.polygon(ring, SHAPE).addTo(group);
    }
    const draft = props.draft.map(([lng = 0, lat = 0]) => L.latLng(lat, lng));
    if (draft.length > 1) L.polyline(draft, { ...SHAPE, dashArray: '4 4' }).addTo(group);
    for (const point of draft) L.circleMarker(point, { ...SHAPE, radius: 5 }).addTo(group);
  }, [props.circles, props.polygons, props.draft]);

  // The plain look goes on a frame: Preact re-setting the map element's class would wipe the
  // classes Leaflet put there (leaflet-container clips the map to its box).
  return (
    <div class={tilesFailed ? 'alert-map-frame alert-map-plain' : 'alert-map-frame'}>
      <div ref={element} class="alert-map" role="application" aria-label={props.label} />
    </div>
  );
}
