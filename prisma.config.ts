import { defineConfig } from 'prisma/config';

// DATABASE_URL is optional: `prisma generate` needs no database, and the app
// starts an embedded Postgres when it is unset (src/db/embedded.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/frontdesk' },
});
