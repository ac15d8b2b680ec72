"use client";
// "Add to FAQ" for one group of unanswered questions: the question comes prefilled from the
// group's representative; the admin writes the answer and may keep the other phrasings as
// alternatives. Saving creates a new FAQ version (train it to make the bot use it).
import { useState } from "react";
import { api } from "@/components/admin/api";
import { useApiCall } from "@/components/admin/use-api-call";
import { Button, Notice, Options, inputClass } from "@/components/admin/ui";

export function AddToFaqForm({ question, examples, language, languages, onClose }: { question: string; examples: string[]; language: string; languages: string[]; onClose: () => void }) {
  const [q, setQ] = useState(question);
  const [answer, setAnswer] = useState("");
  const [lang, setLang] = useState(language);
  const [alts, setAlts] = useState<string[]>(examples.filter((e) => e !== question));
  const { error, busy, run } = useApiCall();
  const [done, setDone] = useState<number | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const r = await run(() => api<{ version: { number: number } }>("/api/admin/analytics/faq", { body: { question: q, answer, language: lang, alternatives: alts } }), "Could not save. Try again.");
    if (r) setDone(r.version.number);
  }

  if (done !== null)
    return (
      <Notice kind="success" testId="add-to-faq-done">
        Added to the FAQ as version {done}. <a className="underline" href="/admin/training">Train a model</a> to let the bot answer it.
      </Notice>
    );

  return (
    <form onSubmit={submit} className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="add-to-faq-form">
      <label className="block text-sm">
        <span className="font-medium">Question</span>
        <input name="question" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} required />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Answer</span>
        <textarea name="answer" className={inputClass} rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} required />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Language</span>
        <select name="language" className={inputClass} value={lang} onChange={(e) => setLang(e.target.value)}>
          <Options items={[...new Set([lang, ...languages])]} />
        </select>
      </label>
      {examples.filter((x) => x !== question).length > 0 && (
        <fieldset className="text-sm">
          <legend className="font-medium">Also match these phrasings</legend>
          {examples
            .filter((x) => x !== question)
            .map((x) => (
              <label key={x} className="flex items-center gap-2">
                <input type="checkbox" checked={alts.includes(x)} onChange={(e) => setAlts(e.target.checked ? [...alts, x] : alts.filter((a) => a !== x))} />
                {x}
              </label>
            ))}
        </fieldset>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={busy || !answer.trim() || !q.trim()}>
          {busy ? "Saving…" : "Add to FAQ"}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
