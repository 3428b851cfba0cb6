-- The staff console (issue 19): sessions, one-time sign-in links and OpenID Connect sign-ins in progress.
-- Appointment.status gains 'not_attended' (a TEXT column, so no change is needed here).
CREATE TABLE "StaffSession" (
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "coachId" TEXT,
    "admin" BOOLEAN NOT NULL DEFAULT false,
    "method" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("tokenHash")
);

CREATE TABLE "StaffSignInLink" (
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "admin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "StaffSignInLink_pkey" PRIMARY KEY ("tokenHash")
);

CREATE TABLE "StaffLoginState" (
    "stateHash" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffLoginState_pkey" PRIMARY KEY ("stateHash")
);

CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");
CREATE INDEX "StaffSignInLink_expiresAt_idx" ON "StaffSignInLink"("expiresAt");
CREATE INDEX "StaffLoginState_expiresAt_idx" ON "StaffLoginState"("expiresAt");
