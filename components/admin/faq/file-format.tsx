// What an FAQ file looks like: the columns, the sample files to start from, and what happens to a
// file with problems. Reachable from the upload card at any time (open while the FAQ is empty), so
// an admin preparing a second file does not have to remember the format.
export function FileFormatHelp({ emptyFaq }: { /** The workspace has no FAQ yet: shown open. */ emptyFaq: boolean }) {
  return (
    <details className="mt-2 text-sm" open={emptyFaq} data-testid="faq-format">
      <summary className="cursor-pointer text-blue-700 underline">File format and sample</summary>
      <div className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-slate-700">
        <p>
          Start from a sample:{" "}
          <a className="text-blue-700 underline" href="/api/admin/faq/sample?format=csv" download data-testid="faq-sample-csv">
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
          .{emptyFaq ? "" : " To change your current FAQ, download it (links at the top of the page), edit it and upload it here."}
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Columns: <code>question</code> and <code>answer</code> (required); <code>alternatives</code> (other ways to ask, separated by <code>|</code>), <code>category</code>,{" "}
            <code>language</code> (<code>en</code>, <code>es</code>…; detected when empty) and <code>key</code> (optional stable id).
          </li>
          <li>Spanish headers work too (pregunta, respuesta, alternativas, categoría, idioma). Excel: save as “CSV UTF-8”; “;” separators are fine.</li>
          <li>Add several phrasings per question: the more ways customers might ask, the better the bot recognises them.</li>
          <li>A file with any problem saves nothing and lists every problem with its line.</li>
        </ul>
      </div>
    </details>
  );
}
