import type { StationLevel, StationRole } from '../../common/domain/roles.js';
import { api } from './client.js';
import type {
  AlertDelivery,
  AlertList,
  AlertPreview,
  AlertTargetInput,
  AlertView,
  AreaKind,
  AreaSearchResult,
  AuditPage,
  LoginBody,
  Me,
  IssueAlertBody,
  MyAreasView,
  OfficerCreateBody,
  OfficerCreated,
  OfficerView,
  PublicConfig,
  RegisterBody,
  StationList,
  StationView,
  UpdateAlertBody,
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

// Alerts, as the console uses them.
export const getPublicConfig = () => api<PublicConfig>('GET', '/api/config/public');
export const listStationAlerts = (stationId: string, pending: boolean) =>
  api<AlertList>(
    'GET',
    `/api/alerts?station=${enc(stationId)}${pending ? '&pending=1' : '&limit=100'}`,
  );
export const getAlert = (id: string) => api<AlertView>('GET', `/api/alerts/${enc(id)}`);
export const getAlertDelivery = (id: string) =>
  api<AlertDelivery>('GET', `/api/alerts/${enc(id)}/delivery`);
export const previewAlert = (stationId: string, target: AlertTargetInput) =>
  api<AlertPreview>('POST', '/api/alerts/preview', { stationId, target });
export const issueAlert = (input: IssueAlertBody) => api<AlertView>('POST', '/api/alerts', input);
export const updateAlert = (id: string, input: UpdateAlertBody) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/update`, input);
export const cancelAlert = (id: string, reason?: string) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/cancel`, reason ? { reason } : {});
export const approveAlert = (id: string) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/approve`, {});
export const rejectAlert = (id: string, reason: string) =>
  api<AlertView>('POST', `/api/alerts/${enc(id)}/reject`, { reason });
