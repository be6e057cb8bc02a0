import { useEffect, useState } from 'preact/hooks';
import type { AreaLevel } from '../../../common/domain/areas.js';
import { searchAreas } from './api.js';
import { useLoad } from '../../components/use-load.js';

/** Typing pauses this long before a search goes out: one request per word on slow lines. */
const SEARCH_DELAY_MS = 300;
/** Shorter queries match too much of 91k areas to be useful. */
const MIN_QUERY = 3;

/** A debounced area-name search: the input's state and the results of the settled query. */
export function useAreaSearch(level?: AreaLevel) {
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const hasQuery = debounced.length >= MIN_QUERY;
  const results = useLoad(
    () => (hasQuery ? searchAreas(debounced, level) : Promise.resolve({ items: [] })),
    debounced,
  );
  return { query, setQuery, hasQuery, results };
}
