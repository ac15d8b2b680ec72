// First start on an empty database: create the demo tenant (widget key DEMO_TENANT_KEY), its
// bilingual FAQ, an admin and an agent, so a new user sees the product working at once.
import crypto from "node:crypto";
import { isUniqueViolation, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_FAQ } from "@/lib/seed/demo-faq";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/tenancy/settings";

export interface DemoResult {
  created: boolean;
  tenantId: string;
  adminEmail: string;
  agentEmail: string;
  /** Present only when generated now (printed once). */
  adminPassword?: string;
  agentPassword?: string;
}

const randomPassword = () => crypto.randomBytes(9).toString("base64url");

export async function ensureDemoTenant(db: Db): Promise<DemoResult> {
  const e = env();
  const existing = await db.tenant.findUnique({ where: { widgetKey: e.DEMO_TENANT_KEY } });
  if (existing) return { created: false, tenantId: existing.id, adminEmail: e.DEMO_ADMIN_EMAIL, agentEmail: e.DEMO_AGENT_EMAIL };
  // Only an empty database gets the demo: a real deployment that deleted it keeps it deleted.
  if ((await db.tenant.count()) > 0) return { created: false, tenantId: "", adminEmail: e.DEMO_ADMIN_EMAIL, agentEmail: e.DEMO_AGENT_EMAIL };

  const adminPassword = e.DEMO_ADMIN_PASSWORD ?? randomPassword();
  const agentPassword = e.DEMO_AGENT_PASSWORD ?? randomPassword();
  const [adminHash, agentHash] = await Promise.all([hashPassword(adminPassword), hashPassword(agentPassword)]);

  const tenant = await createDemo(db, e, adminHash, agentHash).catch(async (err: unknown) => {
    // Two instances starting on an empty database at once: the other one created it.
    if (isUniqueViolation(err)) return null;
    throw err;
  });
  if (!tenant) {
    const t = await db.tenant.findUniqueOrThrow({ where: { widgetKey: e.DEMO_TENANT_KEY } });
    return { created: false, tenantId: t.id, adminEmail: e.DEMO_ADMIN_EMAIL, agentEmail: e.DEMO_AGENT_EMAIL };
  }
  return {
    created: true,
    tenantId: tenant.id,
    adminEmail: e.DEMO_ADMIN_EMAIL,
    agentEmail: e.DEMO_AGENT_EMAIL,
    adminPassword: e.DEMO_ADMIN_PASSWORD ? undefined : adminPassword,
    agentPassword: e.DEMO_AGENT_PASSWORD ? undefined : agentPassword,
  };
}

function createDemo(db: Db, e: ReturnType<typeof env>, adminHash: string, agentHash: string) {
  return db.$transaction(async (tx) => {
    const t = await tx.tenant.create({
      data: {
        name: "Demo Shop",
        slug: "demo",
        widgetKey: e.DEMO_TENANT_KEY,
        allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
        languages: ["en", "es"],
        defaultLanguage: "en",
        settings: { ...DEFAULT_TENANT_SETTINGS, greeting: { en: "Hi! Ask me about shipping, returns or payments.", es: "¡Hola! Pregúntame por envíos, devoluciones o pagos." } },
      },
    });
    const member = async (email: string, name: string, role: string, passwordHash: string) => {
      const account = await tx.account.create({ data: { email, name, passwordHash } });
      return tx.user.create({ data: { tenantId: t.id, accountId: account.id, email, name, role } });
    };
    const admin = await member(e.DEMO_ADMIN_EMAIL, "Demo Admin", "owner", adminHash);
    await member(e.DEMO_AGENT_EMAIL, "Demo Agent", "agent", agentHash);
    const version = await tx.faqVersion.create({ data: { tenantId: t.id, number: 1, source: "seed", entryCount: DEMO_FAQ.length, createdById: admin.id } });
    await tx.faqEntry.createMany({
      data: DEMO_FAQ.map((f, i) => ({ tenantId: t.id, versionId: version.id, key: f.key, question: f.question, alternatives: f.alternatives, answer: f.answer, category: f.category, language: f.language, position: i })),
    });
    await tx.cannedResponse.createMany({
      data: [
        { tenantId: t.id, shortcut: "hello", text: "Hi, I'm here to help. Let me look at this for you.", language: "en" },
        { tenantId: t.id, shortcut: "hola", text: "Hola, soy del equipo de soporte. Ahora mismo lo reviso.", language: "es" },
      ],
    });
    await tx.auditLog.create({ data: { tenantId: t.id, actorKind: "system", action: "tenant.seeded", target: t.id } });
    return t;
  });
}
