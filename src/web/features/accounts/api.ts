import type {
  AccountView,
  TotpSetupView,
  VerificationChannel,
  VerificationSent,
} from '../../../common/api/accounts.js';
import type { StationRole } from '../../../common/domain/roles.js';
import type { Static } from 'typebox';
import { api } from '../../api/client.js';
import type {
  LoginBody,
  Me,
  OfficerCreateBody,
  OfficerCreated,
  OfficerView,
  RegisterBody,
} from '../../api/types.js';

// Sign-up, sign-in, the account page and a station's officers.
export type { VerificationChannel };
type Sent = Static<typeof VerificationSent>;
type TotpSetup = Static<typeof TotpSetupView>;

const enc = encodeURIComponent;

export const register = (input: RegisterBody) => api<Me>('POST', '/api/auth/register', input);
export const login = (input: LoginBody) => api<Me>('POST', '/api/auth/login', input);
export const requestPasswordReset = (login: string) =>
  api<{ ok: true }>('POST', '/api/auth/password-reset', { login });
export const confirmPasswordReset = (input: { login: string; code: string; password: string }) =>
  api<{ ok: true }>('POST', '/api/auth/password-reset/confirm', input);

export const requestVerification = (channel: VerificationChannel) =>
  api<Sent>('POST', '/api/me/verification', { channel });
export const confirmVerification = (channel: VerificationChannel, code: string) =>
  api<AccountView>('POST', '/api/me/verification/confirm', { channel, code });
export const setUpTotp = () => api<TotpSetup>('POST', '/api/me/totp/setup', {});
export const enableTotp = (code: string) =>
  api<AccountView>('POST', '/api/me/totp/enable', { code });
export const disableTotp = (password: string) =>
  api<AccountView>('POST', '/api/me/totp/disable', { password });
export const EXPORT_URL = '/api/me/export';
export const deleteAccount = (password: string) =>
  api<{ ok: true }>('DELETE', '/api/me', { password });

export const listOfficers = (stationId: string) =>
  api<{ officers: OfficerView[] }>('GET', `/api/stations/${enc(stationId)}/officers`);
// The accounts schema's role union is built with .map(), which TypeBox types as never.
type NewOfficer = Omit<OfficerCreateBody, 'role'> & { role: StationRole };
export const createOfficer = (stationId: string, input: NewOfficer) =>
  api<OfficerCreated>('POST', `/api/stations/${enc(stationId)}/officers`, input);
export const revokeOfficerRole = (stationId: string, accountId: string, role: StationRole) =>
  api<{ ok: true }>(
    'DELETE',
    `/api/stations/${enc(stationId)}/officers/${enc(accountId)}/roles/${enc(role)}`,
  );
