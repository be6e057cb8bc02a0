import type { AreaBoundaryView, AreaDetail } from '../../../common/api/areas.js';
import type { AreaLevel } from '../../../common/domain/areas.js';
import { api } from '../../api/client.js';
import type { AreaKind, AreaSearchResult, MyAreasView } from '../../api/types.js';

const enc = encodeURIComponent;

export const searchAreas = (q: string, level?: AreaLevel) =>
  api<AreaSearchResult>('GET', `/api/areas?q=${enc(q)}${level ? `&level=${level}` : ''}`);
export const getMyAreas = () => api<MyAreasView>('GET', '/api/me/areas');
export const putMyAreas = (areas: Array<{ code: string; kind: AreaKind }>) =>
  api<MyAreasView>('PUT', '/api/me/areas', { areas });
export const getArea = (code: string) => api<AreaDetail>('GET', `/api/areas/${enc(code)}`);
export const getAreaBoundary = (code: string) =>
  api<AreaBoundaryView>('GET', `/api/areas/${enc(code)}/boundary`);
