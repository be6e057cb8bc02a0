import type { Static } from 'typebox';
import type {
  AreaKind as AreaKindSchema,
  AreaSearchResult as AreaSearchResultSchema,
} from '../../common/api/areas.js';
import type { StationList as StationListSchema } from '../../common/api/stations.js';

// The API contract's own types (type-only imports: no schema code reaches the bundle).
export type {
  AccountView as Me,
  LoginBody,
  OfficerCreateBody,
  OfficerCreated,
  OfficerView,
  RegisterBody,
} from '../../common/api/accounts.js';
export type { AreaRef, AreaSummary, MyArea, MyAreasView, Phone } from '../../common/api/areas.js';
export type { AuditEntryView, AuditPage } from '../../common/api/audit.js';
export type { StationListItem, StationView, UpdateStationBody } from '../../common/api/stations.js';

export type AreaKind = Static<typeof AreaKindSchema>;
export type AreaSearchResult = Static<typeof AreaSearchResultSchema>;
export type StationList = Static<typeof StationListSchema>;
export type {
  AlertDelivery,
  AlertList,
  AlertPreview,
  AlertTargetInput,
  AlertView,
  IssueAlertBody,
  UpdateAlertBody,
} from '../../common/api/alerts.js';
export type { PublicConfig } from '../../common/api/system.js';
