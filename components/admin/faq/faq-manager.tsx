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
      <FaqUpload onSaved={(m) => void reload(m)} />
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
      <div className="space-y-2 text-sm text-slate-700">
        <p>The bot answers from your FAQ: a list of questions customers ask, each with its answer. Upload it as a file below.</p>
        <p>
          Start from a sample:{" "}
          <a className="text-blue-700 underline" href="/api/admin/faq/sample?format=csv" download>
            CSV
          </a>
          ,{" "}
          <a className="text-blue-700 underline" href="/api/admin/faq/sample?format=json" download>
            JSON
          </a>{" "}
          or{" "}
          <a className="text-blue-700 underline" href="/api/admin/faq/sample?format=markdown" download>
            Markdown
          </a>
          .
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Columns: <code>question</code> and <code>answer</code> (required); <code>alternatives</code> (other ways to ask, separated by <code>|</code>), <code>category</code>,{" "}
            <code>language</code> (<code>en</code>, <code>es</code>…; detected when empty) and <code>key</code> (optional stable id).
          </li>
          <li>Spanish headers work too (pregunta, respuesta, alternativas, categoría, idioma). Excel: save as “CSV UTF-8”; “;” separators are fine.</li>
          <li>Add several phrasings per question: the more ways customers might ask, the better the bot recognises them.</li>
          <li>An upload with any problem saves nothing and lists every problem with its line.</li>
        </ul>
      </div>
    </Card>
  );
}
