import { defineConfig } from 'drizzle-kit'

// `make db-generate` turns schema changes into SQL in migrations/; never edit an applied file.
export default defineConfig({
  dialect: 'postgresql',
  schema: './_shared/db/schema/index.ts',
  out: '../migrations',
  casing: 'snake_case',
})
