import { useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { ALERT_RADIUS_MAX_M, ALERT_RADIUS_MIN_M } from '../../../../common/domain/alerts.js';
import type { AreaBoundaryView } from '../../../../common/api/areas.js';
import type { StationListItem } from '../../../api/types.js';
import { Field } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import { getAreaBoundary } from '../../areas/api.js';
import { useAreaSearch } from '../../areas/use-area-search.js';
import { getStation } from '../../stations/api.js';
import { getPublicConfig } from '../api.js';
import { NAMESPACES, shapesText, tk, type Named } from './shared.js';
import type { Target } from './use-target.js';

// Leaflet is only downloaded by officers who open the composer.
const AlertMap = lazy(() => import('./AlertMap.js').then((m) => m.AlertMap));

/** Whether an area lies in the jurisdiction: one of its codes or below one. */
const isWithin = (code: string, jurisdiction: Named[]) =>
  jurisdiction.some((area) => code === area.code || code.startsWith(`${area.code}.`));

const formatRadius = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${m} m`);

/** The outlines known for `codes`; areas without an imported one are simply not drawn. */
async function loadOutlines(codes: string[]): Promise<AreaBoundaryView[]> {
  const found = await Promise.all(codes.map((code) => getAreaBoundary(code).catch(() => null)));
  return found.filter((outline) => outline !== null);
}

/** Areas searched within the jurisdiction, circles and polygons drawn on the map. */
export function TargetEditor({
  station,
  target,
  error,
}: {
  station: StationListItem;
  target: Target;
  error: string | undefined;
}) {
  const { t } = useI18n(NAMESPACES);
  const details = useLoad(() => getStation(station.slug), station.slug);
  const config = useLoad(getPublicConfig, 'config');
  const { query, setQuery, results } = useAreaSearch();
  const jurisdiction = details.data?.jurisdiction ?? [];
  const matches = (results.data?.items ?? []).filter((area) => isWithin(area.code, jurisdiction));
  const [tilesFailed, setTilesFailed] = useState(false);
  const outlineCodes = [...new Set([...jurisdiction, ...target.areas].map((area) => area.code))];
  const outlines = useLoad(() => loadOutlines(outlineCodes), outlineCodes.join(','));

  return (
    <fieldset class="target">
      <legend>{t('consoleAlerts.target.title')}</legend>
      {error && <p class="field-error">{error}</p>}
      <ul class="chips" aria-label={t('consoleAlerts.target.title')}>
        {target.areas.map((area) => (
          <li key={area.code} class="chip">
            {area.name}
            <button
              type="button"
              aria-label={t('consoleAlerts.target.remove', { name: area.name })}
              onClick={() => target.removeArea(area.code)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Field
        name="area-search"
        type="search"
        inputMode="search"
        label={t('consoleAlerts.target.search')}
        value={query}
        onInput={setQuery}
      />
      {matches.length > 0 && (
        <ul class="list area-results">
          {matches.map((area) => (
            <li key={area.code}>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  target.addArea({ code: area.code, name: area.name });
                  setQuery('');
                }}
              >
                {area.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim().length >= 2 && results.data && results.data.items.length > matches.length && (
        <small class="hint">{t('consoleAlerts.target.outside')}</small>
      )}

      <div class="field">
        <span>{t('consoleAlerts.target.mode')}</span>
        <div class="segmented" role="radiogroup" aria-label={t('consoleAlerts.target.mode')}>
          {(['none', 'circle', 'polygon'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="draw-mode"
                checked={target.mode === mode}
                onChange={() => target.setMode(mode)}
              />{' '}
              {t(tk(`consoleAlerts.target.mode_${mode}`))}
            </label>
          ))}
        </div>
      </div>
      {target.mode !== 'none' && (
        <small class="hint">{t(tk(`consoleAlerts.target.map_hint_${target.mode}`))}</small>
      )}
      {config.data && (
        <AlertMap
          tileUrl={config.data.mapTileUrl}
          label={t('consoleAlerts.target.map')}
          circles={target.circles}
          polygons={target.polygons}
          draft={target.draft}
          outlines={outlines.data ?? []}
          onTap={target.tap}
          onTilesFailed={() => setTilesFailed(true)}
        />
      )}
      {config.data && (
        <small
          class={tilesFailed ? 'hint note-error' : 'hint'}
          role={tilesFailed ? 'status' : undefined}
        >
          {t(tilesFailed ? 'consoleAlerts.target.map_offline' : 'consoleAlerts.target.map_online')}
        </small>
      )}
      {target.mode === 'circle' && (
        <div class="field">
          <label for="f-radius">
            {t('consoleAlerts.target.radius', { radius: formatRadius(target.radiusM) })}
          </label>
          <input
            id="f-radius"
            type="range"
            min={ALERT_RADIUS_MIN_M}
            max={ALERT_RADIUS_MAX_M}
            step={50}
            value={target.radiusM}
            onInput={(e) => target.setRadius(Number(e.currentTarget.value))}
          />
        </div>
      )}
      <div class="actions">
        {target.mode === 'polygon' && (
          <button
            type="button"
            class="button button-small"
            disabled={target.draft.length < 3}
            onClick={target.closePolygon}
          >
            {t('consoleAlerts.target.close_polygon')}
          </button>
        )}
        {(target.circles.length > 0 || target.polygons.length > 0 || target.draft.length > 0) && (
          <button
            type="button"
            class="button button-small button-secondary"
            onClick={target.clearShapes}
          >
            {t('consoleAlerts.target.clear_shapes')}
          </button>
        )}
      </div>
      <small class="muted">{shapesText(t, target.circles.length, target.polygons.length)}</small>
    </fieldset>
  );
}
