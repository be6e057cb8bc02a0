import { Type, type Static, type TSchema } from 'typebox';
import { STATION_ROLES } from '../domain/roles.js';

const Email = Type.String({ minLength: 3, maxLength: 254, description: 'Trimmed, lower-cased' });
const Phone = Type.String({
  minLength: 6,
  maxLength: 32,
  description: 'Indonesian mobile number in any common form; stored as E.164 (+62…)',
});
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const RegisterBody = Type.Object(
  { email: Type.Optional(Email), phone: Type.Optional(Phone), name: Name, password: Password },
  { additionalProperties: false, description: 'At least one of email or phone' },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 254, description: 'Email or phone number' }),
    password: Password,
    totp: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const RoleView = Type.Object({
  role: Type.String(),
  stationId: Type.Union([Type.String(), Type.Null()]),
});

export const AccountView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  isEmailVerified: Type.Boolean(),
  isPhoneVerified: Type.Boolean(),
  isVerified: Type.Boolean(),
  isTotpEnabled: Type.Boolean(),
  locale: Type.String(),
  roles: Type.Array(RoleView, {
    description: 'Station roles and platform_admin; citizen is implicit',
  }),
});
export type AccountView = Static<typeof AccountView>;

export const VerificationChannel = Type.Union([Type.Literal('email'), Type.Literal('phone')]);
export type VerificationChannel = Static<typeof VerificationChannel>;

export const VerificationRequestBody = Type.Object(
  { channel: VerificationChannel },
  { additionalProperties: false },
);

export const VerificationConfirmBody = Type.Object(
  { channel: VerificationChannel, code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
);
export type VerificationConfirmBody = Static<typeof VerificationConfirmBody>;

const Login = Type.String({ minLength: 1, maxLength: 254, description: 'Email or phone number' });

export const PasswordResetBody = Type.Object({ login: Login }, { additionalProperties: false });
export type PasswordResetBody = Static<typeof PasswordResetBody>;

export const PasswordResetConfirmBody = Type.Object(
  { login: Login, code: Type.String({ pattern: '^\\d{6}$' }), password: Password },
  { additionalProperties: false },
);
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;

export const VerificationSent = Type.Object({
  channel: VerificationChannel,
  expiresAt: Type.String(),
});

export const TotpSetupView = Type.Object({
  secret: Type.String({ description: 'Base32, for manual entry' }),
  otpauthUri: Type.String({ description: 'otpauth://totp/… for a QR code' }),
});

export const TotpEnableBody = Type.Object(
  { code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
);

export const PasswordConfirmBody = Type.Object(
  { password: Password },
  { additionalProperties: false },
);

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A named report of the person, with what happened to it. */
export const ReportExport = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  stationId: Type.String(),
  alertId: Nullable(Type.String()),
  areaCode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  category: Nullable(Type.String()),
  description: Type.String(),
  contact: Nullable(Type.String()),
  status: Type.String(),
  note: Nullable(Type.String()),
  timeline: Type.Array(Type.Object({ at: Type.String(), event: Type.String() })),
});
export type ReportExport = Static<typeof ReportExport>;

export const PushSubscriptionExport = Type.Object({
  endpoint: Type.String(),
  wantsDrills: Type.Boolean(),
  mutedCategories: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PushSubscriptionExport = Static<typeof PushSubscriptionExport>;

/** The parts of the export that other features keep (each module fills its own). */
export const PersonalDataExport = Type.Object({
  reports: Type.Array(ReportExport),
  qaQuestions: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        sessionId: Type.String(),
        text: Type.String(),
        pseudonym: Type.String(),
        status: Type.String(),
        createdAt: Type.String(),
      }),
    ),
  ),
  pushSubscriptions: Type.Array(PushSubscriptionExport),
  contestEntries: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        contestId: Type.String(),
        title: Type.String(),
        description: Type.String(),
        category: Type.Union([Type.String(), Type.Null()]),
        teamMembers: Type.Array(Type.String()),
        status: Type.String(),
        rejectReason: Type.Union([Type.String(), Type.Null()]),
        createdAt: Type.String(),
      }),
    ),
  ),
  contestVotes: Type.Optional(
    Type.Array(
      Type.Object({
        contestId: Type.String(),
        entryId: Type.String(),
        createdAt: Type.String(),
        voidedAt: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  ),
  contestScores: Type.Optional(
    Type.Array(
      Type.Object({
        contestId: Type.String(),
        entryId: Type.String(),
        scores: Type.Record(Type.String(), Type.Number()),
        updatedAt: Type.String(),
      }),
    ),
  ),
});
export type PersonalDataExport = Static<typeof PersonalDataExport>;

export const AccountExport = Type.Object({
  exportedAt: Type.String(),
  account: Type.Object({
    id: Type.String(),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    isEmailVerified: Type.Boolean(),
    isPhoneVerified: Type.Boolean(),
    isTotpEnabled: Type.Boolean(),
    locale: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
  sessions: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String(),
      lastSeenAt: Type.String(),
      expiresAt: Type.String(),
      revokedAt: Type.Union([Type.String(), Type.Null()]),
      ip: Type.Union([Type.String(), Type.Null()]),
      userAgent: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  areas: Type.Array(Type.Object({ areaCode: Type.String(), kind: Type.String() })),
  roleGrants: Type.Array(
    Type.Object({
      role: Type.String(),
      stationId: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String(),
    }),
  ),
  ...PersonalDataExport.properties,
});
export type AccountExport = Static<typeof AccountExport>;

export const StationRoleSchema = Type.Union(STATION_ROLES.map((role) => Type.Literal(role)));

export const OfficerCreateBody = Type.Object(
  {
    email: Email,
    name: Name,
    phone: Type.Optional(Phone),
    role: StationRoleSchema,
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export type OfficerCreateBody = Static<typeof OfficerCreateBody>;

export const OfficerView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleView, { description: 'Roles held in this station' }),
});
export type OfficerView = Static<typeof OfficerView>;

export const OfficerCreated = Type.Object({
  officer: OfficerView,
  isNewAccount: Type.Boolean(),
  oneTimePassword: Type.Optional(
    Type.String({ description: 'Only when generated; shown this once and never again' }),
  ),
});
export type OfficerCreated = Static<typeof OfficerCreated>;

export const OfficerList = Type.Object({ officers: Type.Array(OfficerView) });

export const StationParams = Type.Object({ stationId: Type.String() });
export const OfficerRoleParams = Type.Object({
  stationId: Type.String(),
  accountId: Type.String(),
  role: StationRoleSchema,
});

export const OutboxQuery = Type.Object(
  { to: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export const OutboxList = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      channel: Type.String(),
      recipient: Type.String(),
      subject: Type.String(),
      body: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});
