"use client";
// The 1–5 rating the server asks for when a conversation with the team ends.
import { useState } from "react";
import type { UiStrings } from "./i18n";
import { FormError, SentNote, SubmitButton, WidgetField, widgetFormClass, widgetInputClass } from "./form-parts";

interface Props {
  t: UiStrings;
  color: string;
  onSubmit: (score: number, comment: string) => Promise<{ message: string } | null>;
  onDone: () => void;
}

export function RatingPrompt({ t, color, onSubmit, onDone }: Props) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  if (sent) return <SentNote>{t.rateThanks}</SentNote>;
  return (
    <form
      className={widgetFormClass}
      data-testid="rating"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!score) return;
        const err = await onSubmit(score, comment.trim());
        if (err) return setError(err.message);
        setSent(true);
        setTimeout(onDone, 4000);
      }}
    >
      <fieldset>
        <legend className="mb-1 font-medium text-slate-800">{t.rateTitle}</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              aria-label={t.rateStar(n)}
              aria-pressed={score === n}
              onClick={() => setScore(n)}
              className="text-2xl leading-none focus-visible:outline-2 focus-visible:outline-slate-900"
              style={{ color: n <= score ? color : "#cbd5e1" }}
            >
              <span aria-hidden="true">★</span>
            </button>
          ))}
        </div>
      </fieldset>
      {score > 0 && (
        <WidgetField label={t.rateComment}>
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={1000} className={`${widgetInputClass} resize-none`} />
        </WidgetField>
      )}
      <FormError message={error} />
      <SubmitButton color={color} disabled={!score}>
        {t.rateSubmit}
      </SubmitButton>
    </form>
  );
}
