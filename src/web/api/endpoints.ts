import type { StationLevel, StationRole } from '../../common/domain/roles.js';
import { api } from './client.js';
import type {
  AreaKind,
  AreaSearchResult,
  AuditPage,
  LoginBody,
  Me,
  MyAreasView,
  OfficerCreateBody,
  OfficerCreated,
  OfficerView,
  RegisterBody,
  StationList,
  StationView,
  UpdateStationBody,
} from './types.js';

const enc = encodeURIComponent;

export const register = (input: RegisterBody) => api<Me>('POST', '/api/auth/register', input);
export const login = (input: LoginBody) => api<Me>('POST', '/api/auth/login', input);
export const logout = () => api<{ ok: true }>('POST', '/api/auth/logout', {});
export const getMe = () => api<Me>('GET', '/api/me');

export const searchAreas = (q: string) => api<AreaSearchResult>('GET', `/api/areas?q=${enc(q)}`);
export const getMyAreas = () => api<MyAreasView>('GET', '/api/me/areas');
export const putMyAreas = (areas: Array<{ code: string; kind: AreaKind }>) =>
  api<MyAreasView>('PUT', '/api/me/areas', { areas });

export const listStations = (level?: StationLevel) =>
  api<StationList>('GET', level ? `/api/stations?level=${level}` : '/api/stations');
export const getStation = (slug: string) => api<StationView>('GET', `/api/stations/${enc(slug)}`);
export const updateStation = (id: string, patch: UpdateStationBody) =>
  api<StationView>('PATCH', `/api/stations/${enc(id)}`, patch);

export const listOfficers = (stationId: string) =>
  api<{ officers: OfficerView[] }>('GET', `/api/stations/${enc(stationId)}/officers`);
// The accounts schema's role union is built with .map(), which TypeBox types as never.
type NewOfficer = Omit<OfficerCreateBody, 'role'> & { role: StationRole };
export const createOfficer = (stationId: string, input: NewOfficer) =>
  api<OfficerCreated>('POST', `/api/stations/${enc(stationId)}/officers`, input);

export const listAudit = (stationId: string) =>
  api<AuditPage>('GET', `/api/stations/${enc(stationId)}/audit`);
