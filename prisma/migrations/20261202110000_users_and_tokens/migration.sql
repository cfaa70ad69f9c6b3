-- Users link to the staff resource whose schedule is theirs; API tokens expire.

ALTER TABLE "app_user" ADD COLUMN "resource_id" UUID;
ALTER TABLE "app_user" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE UNIQUE INDEX "app_user_resource_id_key" ON "app_user"("resource_id");
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "api_token" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");
