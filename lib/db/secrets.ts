// Columns hidden from every query unless a caller asks for them by name. Prisma's global `omit`
// does the hiding; a query puts a column back with `omit: { column: false }`, e.g.
//   db.account.findUnique({ where: { email }, omit: withPasswordHash }) // login
//   db.apiKey.findUnique({ where: { prefix }, omit: withKeyHash })      // API key check
export const omitSecrets = {
  account: { passwordHash: true },
  apiKey: { keyHash: true },
  // Signs webhook deliveries: only the delivery worker asks for it (omit: withWebhookSecret).
  webhook: { secret: true },
  // Verifies customers' identities (lib/identity): only lib/identity/secret.ts asks for it.
  tenant: { identitySecret: true },
  // Not secret, but megabytes: only the model loaders ask for it (omit: { artifact: false }).
  modelVersion: { artifact: true },
} as const;

export const withPasswordHash = { passwordHash: false } as const;
export const withKeyHash = { keyHash: false } as const;
export const withWebhookSecret = { secret: false } as const;
