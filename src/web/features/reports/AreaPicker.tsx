import type { AreaSummary } from '../../../common/api/areas.js';
import { ErrorNote } from '../../components/ui.js';
import { useAreaSearch } from '../areas/use-area-search.js';

/** An area found by name (any level): the citizen's place, or the console's area filter. */
export function AreaPicker(props: {
  label: string;
  hint: string;
  onChoose: (area: AreaSummary) => void;
}) {
  const { query, setQuery, results } = useAreaSearch();
  return (
    <div class="field">
      <label for="report-area-q">{props.label}</label>
      <input
        id="report-area-q"
        type="search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <small class="hint">{props.hint}</small>
      <ErrorNote error={results.error} />
      <ul class="list" aria-live="polite">
        {results.data?.items.map((a) => (
          <li key={a.code}>
            <button type="button" class="link-button" onClick={() => props.onChoose(a)}>
              {a.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
