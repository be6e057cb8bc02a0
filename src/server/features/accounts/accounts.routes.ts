import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AccountExport,
  AccountView,
  LoginBody,
  OfficerCreateBody,
  OfficerCreated,
  OfficerList,
  OfficerRoleParams,
  OutboxList,
  OutboxQuery,
  PasswordConfirmBody,
  PasswordResetBody,
  PasswordResetConfirmBody,
  RegisterBody,
  StationParams,
  TotpEnableBody,
  TotpSetupView,
  VerificationConfirmBody,
  VerificationRequestBody,
  VerificationSent,
} from '../../../common/api/accounts.js';
import { Ok, withErrors } from '../../../common/api/common.js';
import { SESSION_COOKIE, SESSION_IDLE_MS } from '../../auth/sessions.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { listOutboxMessages } from '../../messaging/outbox.repository.js';
import {
  confirmPasswordReset,
  confirmVerification,
  createOfficer,
  deleteAccount,
  disableTotp,
  enableTotp,
  exportAccount,
  getMe,
  listOfficers,
  logIn,
  logOut,
  registerAccount,
  requestPasswordReset,
  requestVerification,
  revokeOfficerRole,
  setUpTotp,
  type ClientInfo,
  type SignedIn,
} from './accounts.service.js';

// Per-address ceilings on top of the per-account backoff. Generous: many citizens share one
// carrier-grade NAT address, and the backoff does the real work against guessing.
const AUTH_RATE_LIMIT = { rateLimit: { max: 300, timeWindow: 60_000 } };

/** Signed and bound to the account (accounts.service): a device that logged in before. */
const DEVICE_COOKIE = 'siaga_device';
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

// A reset sends a message to someone: far fewer per address than the other credential routes.
const RESET_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: 15 * 60_000 } };

const clientOf = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

export function registerAccountRoutes(app: App, ctx: AppContext): void {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: ctx.config.publicUrl.startsWith('https://'),
  };
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_IDLE_MS / 1000 });
  const clearSessionCookie = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
  const signIn = (reply: FastifyReply, result: SignedIn) => {
    setSessionCookie(reply, result.token);
    reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
      ...cookieOptions,
      path: '/api/auth',
      maxAge: DEVICE_COOKIE_MAX_AGE_S,
    });
  };

  app.post(
    '/api/auth/register',
    {
      config: AUTH_RATE_LIMIT,
      schema: {
        tags: ['auth'],
        summary: 'Create a citizen account, log in and send a verification code',
        body: RegisterBody,
        response: withErrors({ 201: AccountView }),
      },
    },
    async (request, reply) => {
      const result = await registerAccount(ctx, request.body, {
        ...clientOf(request),
        locale: request.locale,
      });
      signIn(reply, result);
      return reply.status(201).send(result.view);
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: AUTH_RATE_LIMIT,
      schema: {
        tags: ['auth'],
        summary: 'Log in with email or phone number and password (and TOTP when enabled)',
        body: LoginBody,
        response: withErrors({ 200: AccountView }),
      },
    },
    async (request, reply) => {
      const result = await logIn(ctx, request.body, {
        ...clientOf(request),
        deviceToken: request.cookies[DEVICE_COOKIE],
      });
      signIn(reply, result);
      return result.view;
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: RESET_RATE_LIMIT,
      schema: {
        tags: ['auth'],
        summary: 'Send a password reset code to the email or phone (same answer for any login)',
        body: PasswordResetBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await requestPasswordReset(ctx, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: RESET_RATE_LIMIT,
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the reset code; every session of the account ends',
        body: PasswordResetConfirmBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await confirmPasswordReset(ctx, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: withErrors({ 200: Ok }) } },
    async (request, reply) => {
      await logOut(ctx, request.actor);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The logged-in account',
        response: withErrors({ 200: AccountView }),
      },
    },
    (request) => getMe(ctx, request.actor),
  );

  app.post(
    '/api/me/verification',
    {
      config: AUTH_RATE_LIMIT,
      schema: {
        tags: ['me'],
        summary: 'Send a 6-digit verification code by email or SMS',
        body: VerificationRequestBody,
        response: withErrors({ 200: VerificationSent }),
      },
    },
    (request) => requestVerification(ctx, request.actor, request.body.channel),
  );

  app.post(
    '/api/me/verification/confirm',
    {
      config: AUTH_RATE_LIMIT,
      schema: {
        tags: ['me'],
        summary: 'Confirm an email or phone number with its code',
        body: VerificationConfirmBody,
        response: withErrors({ 200: AccountView }),
      },
    },
    (request) => confirmVerification(ctx, request.actor, request.body),
  );

  app.post(
    '/api/me/totp/setup',
    {
      schema: {
        tags: ['me'],
        summary: 'Start two-step verification: a new secret to scan',
        response: withErrors({ 200: TotpSetupView }),
      },
    },
    (request) => setUpTotp(ctx, request.actor),
  );

  app.post(
    '/api/me/totp/enable',
    {
      schema: {
        tags: ['me'],
        summary: 'Turn two-step verification on with a first code',
        body: TotpEnableBody,
        response: withErrors({ 200: AccountView }),
      },
    },
    (request) => enableTotp(ctx, request.actor, request.body.code),
  );

  app.post(
    '/api/me/totp/disable',
    {
      schema: {
        tags: ['me'],
        summary: 'Turn two-step verification off (password required)',
        body: PasswordConfirmBody,
        response: withErrors({ 200: AccountView }),
      },
    },
    (request) => disableTotp(ctx, request.actor, request.body.password),
  );

  app.get(
    '/api/me/export',
    {
      schema: {
        tags: ['me'],
        summary: 'Download all data kept about the account (UU PDP)',
        response: withErrors({ 200: AccountExport }),
      },
    },
    async (request, reply) => {
      const data = await exportAccount(ctx, request.actor);
      void reply.header(
        'content-disposition',
        `attachment; filename="siaga-data-${data.account.id}.json"`,
      );
      return data;
    },
  );

  app.delete(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Delete the account and its data (password required)',
        body: PasswordConfirmBody,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request, reply) => {
      await deleteAccount(ctx, request.actor, request.body.password);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/stations/:stationId/officers',
    {
      schema: {
        tags: ['officers'],
        summary: 'Create an officer account, or grant a role to an existing account',
        params: StationParams,
        body: OfficerCreateBody,
        response: withErrors({ 201: OfficerCreated }),
      },
    },
    async (request, reply) => {
      const created = await createOfficer(
        ctx,
        request.actor,
        request.params.stationId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/stations/:stationId/officers',
    {
      schema: {
        tags: ['officers'],
        summary: "The station's officers and their roles",
        params: StationParams,
        response: withErrors({ 200: OfficerList }),
      },
    },
    async (request) => ({
      officers: await listOfficers(ctx, request.actor, request.params.stationId),
    }),
  );

  app.delete(
    '/api/stations/:stationId/officers/:accountId/roles/:role',
    {
      schema: {
        tags: ['officers'],
        summary: "Revoke an officer's role in the station",
        params: OfficerRoleParams,
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await revokeOfficerRole(ctx, request.actor, request.params);
      return { ok: true as const };
    },
  );

  // Demo and tests read one-time codes here; production sends them for real.
  if (ctx.config.environment !== 'production') {
    app.get(
      '/api/dev/outbox',
      {
        schema: {
          tags: ['dev'],
          summary: 'Messages kept in the local outbox, newest first (not in production)',
          querystring: OutboxQuery,
          response: withErrors({ 200: OutboxList }),
        },
      },
      async (request) => ({
        messages: await listOutboxMessages(ctx.db, {
          ...(request.query.to !== undefined ? { to: request.query.to } : {}),
          limit: 100,
        }),
      }),
    );
  }
}
