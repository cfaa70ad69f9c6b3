-- The ops dashboard (src/dashboard): people sign in with email and password, and a
-- signed-in browser holds a server-side session. Only hashes are stored: the scrypt
-- hash of a password, the sha256 of a session token. A session carries its own CSRF
-- token (synchronizer pattern), expires, and can be revoked (sign out, or an admin).
-- No foreign key to app_user on purpose: every session lookup joins the user and
-- reads the role as it is now, so a removed user's session finds no one.

CREATE TABLE "user_password" (
    "user_id" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_password_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "ops_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "ops_session_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ops_session_token_hash_key" ON "ops_session"("token_hash");
CREATE INDEX "ops_session_user_id_idx" ON "ops_session"("user_id");
