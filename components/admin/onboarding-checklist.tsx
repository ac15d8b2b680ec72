"use client";
// The first-run checklist on the admin overview: the steps from an empty workspace to a bot on the
// business's website, each ticked when done (lib/admin/onboarding.ts), the next one highlighted.
import Link from "next/link";
import { useState } from "react";
import type { OnboardingStep } from "@/lib/admin/onboarding";
import { api } from "./api";
import { Button, Card } from "./ui";

export function OnboardingChecklist({ steps, welcome }: { steps: OnboardingStep[]; welcome: boolean }) {
  const [hidden, setHidden] = useState(false);
  const next = steps.find((s) => !s.done);
  const doneCount = steps.filter((s) => s.done).length;
  if (hidden) return null;

  async function dismiss() {
    setHidden(true);
    await api("/api/admin/onboarding", { body: { action: "dismiss" } }).catch(() => setHidden(false));
  }

  return (
    <Card
      title={welcome ? "Welcome! Let’s get your bot answering customers" : "Get started"}
      actions={
        <>
          <span className="self-center text-sm text-slate-500" data-testid="checklist-progress">
            {doneCount} of {steps.length} done
          </span>
          <Button onClick={() => void dismiss()}>Hide</Button>
        </>
      }
      testId="onboarding-checklist"
    >
      <ol className="space-y-2">
        {steps.map((s, i) => {
          const isNext = s === next;
          return (
            <li key={s.key} className={`flex items-start gap-3 rounded-md p-2 ${isNext ? "bg-blue-50" : ""}`} data-testid="checklist-step" data-step={s.key} data-done={s.done ? "true" : "false"}>
              <span
                className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${s.done ? "bg-green-600 text-white" : "border border-slate-300 text-slate-600"}`}
                aria-label={s.done ? "done" : "to do"}
              >
                {s.done ? "✓" : i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <p className={`text-sm font-medium ${s.done ? "text-slate-500 line-through" : ""}`}>{s.title}</p>
                {!s.done && <p className="text-sm text-slate-600">{s.text}</p>}
              </div>
              {!s.done && (
                <Link href={s.href} className={`shrink-0 rounded-md px-3 py-1.5 text-sm font-medium ${isNext ? "bg-blue-600 text-white hover:bg-blue-700" : "border border-slate-300 bg-white hover:bg-slate-50"}`}>
                  {s.action}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
