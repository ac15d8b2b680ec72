"use client";
// The FAQ page: upload (with preview), inline editor, history with diffs and downloads, and a
// helpful empty state for a workspace without an FAQ. Refetches after every save. Says which FAQ
// version the live bot answers from when it is not the latest (after an edit or a rollback).
import { useState } from "react";
import { api } from "../api";
import { Card, Notice } from "../ui";
import { FaqUpload } from "./faq-upload";
import { FaqEditor } from "./faq-editor";
import { ExportLinks, FaqHistory } from "./faq-history";
import type { FaqState } from "./types";
import type { LiveFaqStatus } from "@/lib/admin/live-faq";
import { liveFaqNotice } from "./live-faq";

export function FaqManager({ initial, languages, live }: { initial: FaqState; languages: string[]; live: LiveFaqStatus }) {
  const [state, setState] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);

  async function reload(message: string) {
    try {
      setState(await api<FaqState>("/api/admin/faq"));
    } finally {
      setSaved(message);
    }
  }

  return (
    <>
      {saved && (
        <Notice kind="success" testId="faq-saved">
          {saved}{" "}
          <a href="/admin/training" className="underline">
            Go to training
          </a>
        </Notice>
      )}
      {state.version ? (
        <>
          <p className="text-sm text-slate-600" data-testid="faq-latest">
            Latest version: FAQ v{state.version.number}, {state.entries.length} entries. Download: <ExportLinks />
          </p>
          <LiveFaq status={live} latest={state.version.number} />
        </>
      ) : (
        <EmptyState />
      )}
      <FaqUpload onSaved={(m) => void reload(m)} emptyFaq={!state.version} />
      {state.version && <FaqEditor versionId={state.version.id} versionNumber={state.version.number} entries={state.entries} languages={languages} onSaved={(m) => void reload(m)} />}
      <FaqHistory key={state.versions[0]?.id ?? "none"} versions={state.versions} />
    </>
  );
}

/** Which FAQ version customers get answers from, when that is not the latest one (or none). */
function LiveFaq({ status, latest }: { status: LiveFaqStatus; latest: number }) {
  const notice = liveFaqNotice(status, latest);
  const body = (
    <span data-testid="live-faq" data-kind={notice.kind}>
      {notice.text}
      {notice.action && (
        <>
          {" "}
          <a href="/admin/training" className="font-medium underline" data-testid="live-faq-action">
            {notice.action}
          </a>
        </>
      )}
    </span>
  );
  if (notice.kind === "current") return <p className="text-sm text-slate-600">{body}</p>;
  return <Notice kind="warning">{body}</Notice>;
}

function EmptyState() {
  return (
    <Card title="Your FAQ is empty" testId="faq-empty">
      <p className="text-sm text-slate-700">
        The bot answers from your FAQ: a list of questions customers ask, each with its answer. Upload it as a file below; “File format and sample” under the upload button shows the columns
        and has sample files to start from.
      </p>
    </Card>
  );
}
