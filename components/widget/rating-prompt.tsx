"use client";
// The 1–5 rating the server asks for when a conversation with the team ends.
import { useState } from "react";
import type { UiStrings } from "./i18n";

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

  if (sent) {
    return (
      <p className="border-t border-slate-200 bg-green-50 px-3 py-2 text-sm text-green-800" role="status">
        {t.rateThanks}
      </p>
    );
  }
  return (
    <form
      className="space-y-2 border-t border-slate-200 bg-slate-50 p-3 text-sm"
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
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium">{t.rateComment}</span>
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={1000} className="w-full resize-none rounded-md border border-slate-300 px-2 py-1 focus-visible:ring-2 focus-visible:ring-slate-400 focus:outline-none" />
        </label>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={!score} className="rounded-md px-3 py-1.5 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-50" style={{ background: color }}>
        {t.rateSubmit}
      </button>
    </form>
  );
}
