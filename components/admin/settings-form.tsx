"use client";
// The workspace settings form. Sends every field; the server validates and answers field by field
// (allowed origins, hours, languages…), and those messages are shown next to the fields.
import { useMemo, useState } from "react";
import type { AdminSettings } from "@/lib/admin/settings";
import { REPLY_LANGUAGES, SMALLTALK_INTENTS, builtInReply, type SmallTalkIntent } from "@/lib/dialogue/smalltalk-replies";
import { api, ApiError } from "./api";
import { Button, Card, Field, inputClass, fieldClass, Notice, Options } from "./ui";
import { LogoField } from "./logo-field";
import { builtInText } from "@/lib/chat/strings";
import type { OverridableBotText } from "@/lib/tenancy/settings";
import type { PrechatField, PrechatMode } from "@/lib/chat/prechat-form";

const COMMON_LANGUAGES: Record<string, string> = { en: "English", es: "Spanish", pt: "Portuguese", fr: "French", de: "German", it: "Italian", ca: "Catalan" };
// Shown Monday first; stored with 0 = Sunday.
const WEEKDAYS = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [0, "Sunday"],
] as const;
const DEFAULT_DAY = { open: "09:00", close: "18:00" };

function FieldError({ errors, path }: { errors: { path: string; message: string }[]; path: string }) {
  const mine = errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
  if (mine.length === 0) return null;
  return (
    <ul className="mt-1 text-sm text-red-700" data-testid={`error-${path}`}>
      {mine.map((e, i) => (
        <li key={i}>{e.path.startsWith(`${path}.`) && path === "allowedOrigins" ? `Line ${Number(e.path.split(".")[1]) + 1}: ${e.message}` : e.message}</li>
      ))}
    </ul>
  );
}

const BOT_TEXTS: Array<[OverridableBotText, string]> = [
  ["dontKnowOffer", "No answer (with the offer of a person)"],
  ["offTopic", "Declining an off-topic request"],
  ["offlineNoAgents", "Nobody available"],
  ["offlineClosed", "Outside business hours"],
];

const PRECHAT_SETTINGS: Array<[PrechatField, string]> = [
  ["name", "Name"],
  ["email", "E-mail"],
  ["topic", "Topic"],
];

const INTENT_LABELS: Record<SmallTalkIntent, string> = {
  greeting: "Greeting",
  thanks: "Thanks",
  goodbye: "Goodbye",
  bot: "“Are you a bot?”",
  capabilities: "“What can you do?”",
  howareyou: "“How are you?”",
  ack: "“OK”, “perfect”",
  negative: "“No, that’s all”",
  insult: "Complaint or insult",
  laugh: "Laughter",
  other: "A word or two the bot does not know",
};

export function SettingsForm({ initial, logoUrl, mailEnabled = false }: { initial: AdminSettings; logoUrl: string | null; mailEnabled?: boolean }) {
  const [s, setS] = useState(initial);
  const [origins, setOrigins] = useState(initial.allowedOrigins.join("\n"));
  const [targetPct, setTargetPct] = useState(String(+(initial.targetWrongRate * 100).toFixed(2)));
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const timezones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
  const set = <K extends keyof AdminSettings>(k: K, v: AdminSettings[K]) => setS((x) => ({ ...x, [k]: v }));
  const languages = [...new Set([...Object.keys(COMMON_LANGUAGES), ...s.languages])];

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setMessage(null);
    const body = {
      ...s,
      allowedOrigins: origins.split("\n").map((o) => o.trim()).filter(Boolean),
      targetWrongRate: Number(targetPct) / 100,
    };
    try {
      const r = await api<{ settings: AdminSettings }>("/api/admin/settings", { method: "PATCH", body });
      setS(r.settings);
      setOrigins(r.settings.allowedOrigins.join("\n"));
      setMessage({ kind: "success", text: "Settings saved." });
    } catch (err) {
      const ae = err as ApiError;
      setErrors(ae.fieldErrors);
      setMessage({ kind: "error", text: ae.fieldErrors.length ? "Some settings are not valid; see the messages next to them. Nothing was saved." : ae.message });
    } finally {
      setBusy(false);
    }
  }

  const hours = s.businessHours;
  return (
    <form onSubmit={(e) => void save(e)} className="space-y-6" noValidate data-testid="settings-form">
      <Card title="Workspace">
        <Field label="Name" hint="Your customers see it in the chat." error={<FieldError errors={errors} path="name" />}>
          <input className={fieldClass} name="name" value={s.name} onChange={(e) => set("name", e.target.value)} />
        </Field>
        <Field label="Time zone" className="mt-3" hint="Business hours are read in it." error={<FieldError errors={errors} path="timezone" />}>
          <input className={`${inputClass} w-64`} list="timezones" name="timezone" value={s.timezone} onChange={(e) => set("timezone", e.target.value)} />
          <datalist id="timezones">
            {timezones.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
        </Field>
        <LogoField initial={logoUrl} />
      </Card>

      <Card title="Widget look and proactive greeting">
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium">Launcher position</legend>
          <div className="flex gap-4">
            {(["right", "left"] as const).map((pos) => (
              <label key={pos} className="flex items-center gap-1">
                <input type="radio" name="position" value={pos} checked={s.position === pos} onChange={() => set("position", pos)} /> Bottom {pos}
              </label>
            ))}
          </div>
          <FieldError errors={errors} path="position" />
        </fieldset>
        <div className="mt-3 space-y-2">
          {s.languages.map((l) => (
            <Field key={l} label={`Label beside the launcher (${COMMON_LANGUAGES[l] ?? l})`} hint="Optional, e.g. “Questions? Chat with us”. Empty: the bubble alone.">
              <input className={fieldClass} name={`launcher-label-${l}`} maxLength={60} value={s.launcherLabel[l] ?? ""} onChange={(e) => set("launcherLabel", { ...s.launcherLabel, [l]: e.target.value })} />
            </Field>
          ))}
          <FieldError errors={errors} path="launcherLabel" />
        </div>
        <fieldset className="mt-4 text-sm" data-testid="proactive-settings">
          <legend className="mb-1 font-medium">Proactive greeting</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="proactive-enabled" checked={s.proactive.enabled} onChange={(e) => set("proactive", { ...s.proactive, enabled: e.target.checked })} /> Show a short message by the
            launcher after a visitor has been on a page for a while (once dismissed, it stays dismissed for that visitor)
          </label>
          <Field label="After (seconds)" className="mt-2" error={<FieldError errors={errors} path="proactive.delaySeconds" />}>
            <input
              className={`${inputClass} w-24`}
              type="number"
              min={1}
              max={600}
              name="proactive-delay"
              value={s.proactive.delaySeconds}
              onChange={(e) => set("proactive", { ...s.proactive, delaySeconds: Number(e.target.value) })}
            />
          </Field>
          <Field label="On pages" className="mt-2" hint="One path per line, * for any characters (/pricing, /help/*). Empty: every page." error={<FieldError errors={errors} path="proactive.pages" />}>
            <textarea className={fieldClass} rows={2} name="proactive-pages" value={s.proactive.pages} onChange={(e) => set("proactive", { ...s.proactive, pages: e.target.value })} />
          </Field>
          {s.languages.map((l) => (
            <Field key={l} className="mt-2" label={`Message (${COMMON_LANGUAGES[l] ?? l})`} hint="Empty: a built-in “Any questions?” message in the visitor’s language.">
              <input
                className={fieldClass}
                name={`proactive-message-${l}`}
                maxLength={200}
                value={s.proactive.message[l] ?? ""}
                onChange={(e) => set("proactive", { ...s.proactive, message: { ...s.proactive.message, [l]: e.target.value } })}
              />
            </Field>
          ))}
          <FieldError errors={errors} path="proactive.message" />
        </fieldset>
      </Card>

      <Card title="Languages and greeting">
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium">Languages the bot speaks</legend>
          <div className="flex flex-wrap gap-3">
            {languages.map((l) => (
              <label key={l} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={s.languages.includes(l)}
                  onChange={(e) => set("languages", e.target.checked ? [...s.languages, l] : s.languages.filter((x) => x !== l))}
                  name={`language-${l}`}
                />
                {COMMON_LANGUAGES[l] ?? l} <span className="text-slate-400">({l})</span>
              </label>
            ))}
          </div>
          <FieldError errors={errors} path="languages" />
        </fieldset>
        <Field
          label="Default language"
          className="mt-3"
          hint="Used when a customer’s language cannot be told or is not one of yours."
          error={<FieldError errors={errors} path="defaultLanguage" />}
        >
          <select className={`${inputClass} w-auto`} name="defaultLanguage" value={s.defaultLanguage} onChange={(e) => set("defaultLanguage", e.target.value)}>
            <Options items={s.languages} label={(l) => COMMON_LANGUAGES[l] ?? l} />
          </select>
        </Field>
        <div className="mt-3 space-y-2">
          {s.languages.map((l) => (
            <Field key={l} label={`Greeting (${COMMON_LANGUAGES[l] ?? l})`}>
              <textarea className={fieldClass} rows={2} name={`greeting-${l}`} value={s.greeting[l] ?? ""} onChange={(e) => set("greeting", { ...s.greeting, [l]: e.target.value })} />
            </Field>
          ))}
          <FieldError errors={errors} path="greeting" />
        </div>
      </Card>

      <Card title="Look and embedding">
        <Field label="Colour" error={<FieldError errors={errors} path="color" />}>
          <span className="flex items-center gap-2">
            <input type="color" value={/^#[0-9a-f]{6}$/i.test(s.color) ? s.color : "#2563eb"} onChange={(e) => set("color", e.target.value)} aria-label="Pick a colour" />
            <input className={`${inputClass} w-32 font-mono`} name="color" value={s.color} onChange={(e) => set("color", e.target.value)} />
          </span>
        </Field>
        <div id="allowed-origins" className="mt-3 scroll-mt-4" />
        {s.allowedOrigins.length === 0 && (
          <Notice kind="warning" testId="no-origins">
            Your chat appears on no website yet. Add your site&apos;s address below — for example <code>https://www.yourshop.com</code> (scheme and host, no path; add{" "}
            <code>https://yourshop.com</code> too if both are used) — and save. While you test on your computer, <code>http://localhost:*</code> allows any local port.
          </Notice>
        )}
        <Field
          label="Allowed origins (one per line)"
          className="mt-3"
          hint={
            <>
              Websites that may show your chat widget: scheme and host, no path. <code>*.</code> stands for one subdomain level, <code>:*</code> for any port.
            </>
          }
          error={<FieldError errors={errors} path="allowedOrigins" />}
        >
          <textarea className={`${fieldClass} font-mono`} rows={4} name="allowedOrigins" value={origins} onChange={(e) => setOrigins(e.target.value)} placeholder={"https://shop.example.com\nhttps://*.example.com\nhttp://localhost:*"} />
        </Field>
      </Card>

      <Card title="Business hours">
        <div className="space-y-3 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="hours-mode" checked={!hours} onChange={() => set("businessHours", null)} /> Always open (people can take chats any time an agent is online)
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="hours-mode"
              checked={!!hours}
              onChange={() => set("businessHours", { timezone: s.timezone, days: [null, DEFAULT_DAY, DEFAULT_DAY, DEFAULT_DAY, DEFAULT_DAY, DEFAULT_DAY, null] })}
            />{" "}
            Set opening hours (outside them customers can leave a message)
          </label>
          {hours && (
            <div className="space-y-2 pl-6">
              <p className="text-slate-600" data-testid="hours-timezone">
                Times are in {s.timezone} (the workspace&apos;s time zone, above).
              </p>
              <FieldError errors={errors} path="businessHours.timezone" />
              {WEEKDAYS.map(([i, name]) => {
                const day = hours.days[i] ?? null;
                const setDay = (d: { open: string; close: string } | null) => set("businessHours", { ...hours, days: hours.days.map((x, j) => (j === i ? d : x)) });
                return (
                  <div key={i}>
                    <div className="flex items-center gap-2">
                      <label className="flex w-32 items-center gap-1">
                        <input type="checkbox" checked={!!day} onChange={(e) => setDay(e.target.checked ? DEFAULT_DAY : null)} /> {name}
                      </label>
                      {day ? (
                        <>
                          <input type="time" className={`${inputClass} w-28`} value={day.open} onChange={(e) => setDay({ ...day, open: e.target.value })} aria-label={`${name} opens`} />
                          <span>to</span>
                          <input type="time" className={`${inputClass} w-28`} value={day.close} onChange={(e) => setDay({ ...day, close: e.target.value })} aria-label={`${name} closes`} />
                        </>
                      ) : (
                        <span className="text-slate-500">closed</span>
                      )}
                    </div>
                    <FieldError errors={errors} path={`businessHours.days.${i}`} />
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </Card>

      <Card title="Answers and handoff">
        <Field
          label="Answer-quality target"
          hint="A lower target makes the bot answer only when it is surer, handing more questions to people or offering “did you mean…”. Applies from the next training."
          error={<FieldError errors={errors} path="targetWrongRate" />}
        >
          <span className="flex items-center gap-2">
            at most <input type="number" min={0.5} max={50} step={0.5} className={`${inputClass} w-24`} name="targetWrongRate" value={targetPct} onChange={(e) => setTargetPct(e.target.value)} />% of answered questions answered wrongly
          </span>
        </Field>
        <fieldset className="mt-4 text-sm">
          <legend className="mb-1 font-medium">Handoff to people</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="handoffMode" checked={s.handoffMode === "manual"} onChange={() => set("handoffMode", "manual")} /> Manual: agents claim waiting conversations from the queue
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="handoffMode" checked={s.handoffMode === "round_robin"} onChange={() => set("handoffMode", "round_robin")} /> Round-robin: each conversation goes to the next available agent
          </label>
        </fieldset>
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <Field label="Keep conversations for (days)" error={<FieldError errors={errors} path="retentionDays" />}>
            <input type="number" min={1} max={3650} className={`${inputClass} w-32`} name="retentionDays" value={s.retentionDays} onChange={(e) => set("retentionDays", Number(e.target.value))} />
          </Field>
          <Field
            label="Agent reconnect grace period (seconds)"
            hint="How long an agent who loses connection keeps their chats before they go back to the queue."
            error={<FieldError errors={errors} path="agentGraceSeconds" />}
          >
            <input type="number" min={5} max={3600} className={`${inputClass} w-32`} name="agentGraceSeconds" value={s.agentGraceSeconds} onChange={(e) => set("agentGraceSeconds", Number(e.target.value))} />
          </Field>
        </div>
      </Card>

      <Card title="E-mail">
        {!mailEnabled && (
          <p className="mb-2 text-sm text-amber-700" data-testid="mail-not-configured">
            E-mail is not configured on this server (the operator sets SMTP_URL), so these settings have no effect yet.
          </p>
        )}
        <fieldset className="text-sm">
          <legend className="sr-only">E-mail</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="emailTranscripts" checked={s.emailTranscripts} onChange={(e) => set("emailTranscripts", e.target.checked)} /> Send the customer the conversation&apos;s
            transcript when an agent resolves it (if they left an e-mail address)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="emailTicketAlerts" checked={s.emailTicketAlerts} onChange={(e) => set("emailTicketAlerts", e.target.checked)} /> E-mail agents when a customer leaves an
            offline ticket
          </label>
        </fieldset>
      </Card>

      <Card title="Pre-chat form and attachments">
        <fieldset className="text-sm" data-testid="prechat-settings">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="prechat-enabled" checked={s.prechat.enabled} onChange={(e) => set("prechat", { ...s.prechat, enabled: e.target.checked })} /> Ask these before the
            customer&apos;s first message (agents see the answers beside the conversation)
          </label>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {PRECHAT_SETTINGS.map(([field, title]) => (
              <Field key={field} label={title} compact>
                <select className={inputClass} name={`prechat-${field}`} value={s.prechat[field]} onChange={(e) => set("prechat", { ...s.prechat, [field]: e.target.value as PrechatMode })}>
                  <Options items={["required", "optional", "off"] as const} label={(m) => ({ required: "Required", optional: "Optional", off: "Not asked" })[m]} />
                </select>
              </Field>
            ))}
          </div>
          <FieldError errors={errors} path="prechat" />
        </fieldset>
        <Field label="Largest attachment (MB)" className="mt-4" hint="Customers and agents can send images (PNG, JPEG, GIF, WebP) and PDFs up to this size." error={<FieldError errors={errors} path="attachmentMaxMb" />}>
          <input className={`${inputClass} w-28`} type="number" min={0.1} max={25} step={0.1} name="attachmentMaxMb" value={s.attachmentMaxMb} onChange={(e) => set("attachmentMaxMb", Number(e.target.value))} />
        </Field>
      </Card>

      <Card title="Conversation">
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium">When the bot cannot help</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="unknownToQueue" checked={s.unknownToQueue} onChange={(e) => set("unknownToQueue", e.target.checked)} /> Queue a question the FAQ cannot answer at once
            (otherwise the bot says so and offers a person; a second one in a row is queued)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="offTopicToQueue" checked={s.offTopicToQueue} onChange={(e) => set("offTopicToQueue", e.target.checked)} /> Queue off-topic messages too (otherwise they are
            declined politely with the offer of a person)
          </label>
        </fieldset>
        <details className="mt-4 text-sm" data-testid="smalltalk-replies">
          <summary className="cursor-pointer font-medium">Small-talk replies</summary>
          <p className="mt-1 text-xs text-slate-500">
            What the bot says to greetings, thanks, “are you a bot?” and the like. Leave a field empty for the built-in reply (shown greyed). {"{name}"} is replaced by the workspace
            name, {"{topics}"} by your FAQ’s categories.
          </p>
          <div className="mt-2 space-y-2">
            {SMALLTALK_INTENTS.map((intent) =>
              s.languages
                .filter((lang) => (REPLY_LANGUAGES as readonly string[]).includes(lang))
                .map((lang) => (
                  <label key={`${intent}-${lang}`} className="block">
                    <span className="mb-0.5 block text-xs font-medium text-slate-600">
                      {INTENT_LABELS[intent]} ({lang})
                    </span>
                    <input
                      className={fieldClass}
                      name={`smalltalk-${intent}-${lang}`}
                      value={s.smalltalkReplies[intent]?.[lang] ?? ""}
                      placeholder={builtInReply(intent, lang)}
                      onChange={(e) => set("smalltalkReplies", { ...s.smalltalkReplies, [intent]: { ...(s.smalltalkReplies[intent] ?? {}), [lang]: e.target.value } })}
                    />
                  </label>
                )),
            )}
          </div>
          <FieldError errors={errors} path="smalltalkReplies" />
        </details>
        <details className="mt-4 text-sm" data-testid="bot-texts">
          <summary className="cursor-pointer font-medium">The bot’s own texts</summary>
          <p className="mt-1 text-xs text-slate-500">Your wording for what the bot says when it cannot help or nobody is available. Leave a field empty for the built-in text (shown greyed); {"{topics}"} is replaced by your FAQ’s categories.</p>
          <div className="mt-2 space-y-2">
            {BOT_TEXTS.map(([key, title]) =>
              s.languages.map((lang) => (
                <label key={`${key}-${lang}`} className="block">
                  <span className="mb-0.5 block text-xs font-medium text-slate-600">
                    {title} ({lang})
                  </span>
                  <input
                    className={fieldClass}
                    name={`bottext-${key}-${lang}`}
                    value={s.botTexts[key]?.[lang] ?? ""}
                    placeholder={builtInText(key, lang)}
                    onChange={(e) => set("botTexts", { ...s.botTexts, [key]: { ...(s.botTexts[key] ?? {}), [lang]: e.target.value } })}
                  />
                </label>
              )),
            )}
          </div>
          <FieldError errors={errors} path="botTexts" />
        </details>
      </Card>

      <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        <Button type="submit" variant="primary" disabled={busy} data-testid="save-settings">
          {busy ? "Saving…" : "Save settings"}
        </Button>
        {message && (
          <Notice kind={message.kind} testId="settings-message">
            {message.text}
          </Notice>
        )}
      </div>
    </form>
  );
}
