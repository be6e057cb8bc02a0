import type { StationLevel } from '../../../common/domain/roles.js';
import { api } from '../../api/client.js';
import type { LiaisonView } from '../../../common/api/stations.js';
import type { AuditPage, StationList, StationView, UpdateStationBody } from '../../api/types.js';

const enc = encodeURIComponent;

export const listStations = (level?: StationLevel) =>
  api<StationList>('GET', level ? `/api/stations?level=${level}` : '/api/stations');
export const getStation = (slug: string) => api<StationView>('GET', `/api/stations/${enc(slug)}`);
export const updateStation = (id: string, patch: UpdateStationBody) =>
  api<StationView>('PATCH', `/api/stations/${enc(id)}`, patch);

export const listAudit = (stationId: string) =>
  api<AuditPage>('GET', `/api/stations/${enc(stationId)}/audit`);

export const listLiaisons = (stationId: string) =>
  api<{ items: LiaisonView[] }>('GET', `/api/stations/${enc(stationId)}/liaisons`);
export const assignLiaison = (stationId: string, villageCode: string, accountId: string) =>
  api<LiaisonView>('PUT', `/api/stations/${enc(stationId)}/liaisons/${enc(villageCode)}`, {
    accountId,
  });
export const removeLiaison = (stationId: string, villageCode: string) =>
  api<{ ok: true }>('DELETE', `/api/stations/${enc(stationId)}/liaisons/${enc(villageCode)}`);
