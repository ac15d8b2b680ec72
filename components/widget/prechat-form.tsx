"use client";
// The pre-chat form, shown in place of the composer before the first message when the workspace
// turned it on: the fields it asks for (required or optional), checked here with precise messages
// beside each field (the same schema the server checks again), then sent; the server's refusal is
// shown the same way.
import { useState } from "react";
import { prechatErrors, PRECHAT_LIMITS, shownFields, type PrechatField, type PrechatMode } from "@/lib/chat/prechat-form";
import type { UiStrings } from "./i18n";
import { FormError, SubmitButton, widgetFormClass, widgetInputClass } from "./form-parts";

interface Props {
  form: Record<PrechatField, PrechatMode>;
  t: UiStrings;
  color: string;
  onSubmit: (answers: Record<PrechatField, string>) => Promise<{ message: string; details?: unknown } | null>;
}

export function PrechatForm({ form, t, color, onSubmit }: Props) {
  const [values, setValues] = useState<Record<PrechatField, string>>({ name: "", email: "", topic: "" });
  const [errors, setErrors] = useState<Partial<Record<PrechatField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const label: Record<PrechatField, string> = { name: t.prechatName, email: t.prechatEmail, topic: t.prechatTopic };

  return (
    <form
      className={widgetFormClass}
      data-testid="prechat-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const found = prechatErrors(form, values, t.prechatErrors);
        setErrors(found);
        setError(null);
        if (Object.keys(found).length > 0) return;
        setSending(true);
        const err = await onSubmit(values);
        setSending(false);
        if (!err) return;
        const byField = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]) : [];
        if (byField.length) setErrors(Object.fromEntries(byField.map((d) => [d.path, d.message])));
        else setError(err.message);
      }}
    >
      <p className="text-slate-700">{t.prechatIntro}</p>
      {shownFields(form).map((f) => (
        <label key={f} className="block">
          <span className="mb-0.5 block text-xs font-medium">
            {label[f]}
            {form[f] === "optional" && <span className="font-normal text-slate-600"> ({t.optional})</span>}
          </span>
          {f === "topic" ? (
            <textarea
              name="prechat-topic"
              rows={2}
              value={values.topic}
              maxLength={PRECHAT_LIMITS.topic + 50}
              aria-invalid={errors.topic ? true : undefined}
              aria-describedby={errors.topic ? "prechat-topic-error" : undefined}
              onChange={(e) => setValues({ ...values, topic: e.target.value })}
              className={`${widgetInputClass} resize-none`}
            />
          ) : (
            <input
              name={`prechat-${f}`}
              type={f === "email" ? "email" : "text"}
              autoComplete={f === "email" ? "email" : "name"}
              value={values[f]}
              maxLength={PRECHAT_LIMITS[f] + 50}
              aria-required={form[f] === "required"}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={errors[f] ? `prechat-${f}-error` : undefined}
              onChange={(e) => setValues({ ...values, [f]: e.target.value })}
              className={widgetInputClass}
            />
          )}
          {errors[f] && (
            <span id={`prechat-${f}-error`} role="alert" className="mt-0.5 block text-xs text-red-700" data-testid={`prechat-error-${f}`}>
              {errors[f]}
            </span>
          )}
        </label>
      ))}
      <FormError message={error} />
      <SubmitButton color={color} disabled={sending}>
        {t.prechatStart}
      </SubmitButton>
    </form>
  );
}
