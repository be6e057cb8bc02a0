import type { StationRole } from '../../common/domain/roles.js';
import { api } from './client.js';
import type {
  AreaKind,
  AreaSearchItem,
  AuditEntry,
  Me,
  MyArea,
  Officer,
  Page,
  StationProfile,
  StationSummary,
} from './types.js';

const enc = encodeURIComponent;

export type RegisterInput = ({ email: string } | { phone: string }) & {
  name: string;
  password: string;
};

export const register = (input: RegisterInput) => api<Me>('POST', '/api/auth/register', input);
export const login = (input: { login: string; password: string; totp?: string }) =>
  api<Me>('POST', '/api/auth/login', input);
export const logout = () => api<void>('POST', '/api/auth/logout', {});
export const getMe = () => api<Me>('GET', '/api/me');

export const searchAreas = (q: string) =>
  api<Page<AreaSearchItem>>('GET', `/api/areas?q=${enc(q)}`);
export const getMyAreas = () => api<Page<MyArea>>('GET', '/api/me/areas');
export const putMyAreas = (areas: Array<{ code: string; kind: AreaKind }>) =>
  api<Page<MyArea>>('PUT', '/api/me/areas', { areas });

export const listStations = () => api<Page<StationSummary>>('GET', '/api/stations');
export const getStation = (slug: string) =>
  api<StationProfile>('GET', `/api/stations/${enc(slug)}`);
export const updateStation = (
  id: string,
  patch: Partial<Pick<StationProfile, 'name' | 'address' | 'phones' | 'socialLinks'>>,
) => api<StationProfile>('PATCH', `/api/stations/${enc(id)}`, patch);

export const listOfficers = (stationId: string) =>
  api<Page<Officer>>('GET', `/api/stations/${enc(stationId)}/officers`);
export const createOfficer = (
  stationId: string,
  input: { name: string; email?: string; phone?: string; role: StationRole },
) => api<Officer>('POST', `/api/stations/${enc(stationId)}/officers`, input);

export const listAudit = (stationId: string) =>
  api<Page<AuditEntry>>('GET', `/api/stations/${enc(stationId)}/audit`);
