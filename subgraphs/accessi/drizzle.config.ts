import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from src/db/schema.ts into drizzle/ (committed). The
// append-only triggers are a custom migration (`drizzle-kit generate --custom`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['accessi'],
  casing: 'snake_case',
});
