"use client";
// The analytics page's body: range selector, headline figures, charts and unanswered questions.
// Figures carry data-testid and data-value (the raw number) so tests can check them exactly.
import { useHydrated } from "@/components/ui/use-hydrated";
import Link from "next/link";
import type { AnalyticsSummary } from "@/lib/analytics/summary";
import { Card, Table } from "@/components/admin/ui";
import { BarSeries } from "./charts";
import { formatMean, formatSeconds, formatShare, REASON_LABELS } from "./format";
import { UnansweredList } from "./unanswered-list";

function Metric({ label, text, value, testId, hint }: { label: string; text: string; value: number | null; testId: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId} data-value={value ?? ""}>
        {text}
      </div>
      {hint && <div className="text-xs text-slate-500">{hint}</div>}
    </div>
  );
}

const CSAT_COLORS = ["#dc2626", "#f97316", "#eab308", "#84cc16", "#16a34a"];

export function AnalyticsDashboard({ summary: s, days, presets, languages, defaultLanguage }: { summary: AnalyticsSummary; days: number; presets: readonly number[]; languages: string[]; defaultLanguage: string }) {
  // Marks the moment the page is interactive (hydrated), for tests and slow devices alike.
  const ready = useHydrated();
  return (
    <div className="space-y-6" data-testid="analytics" data-ready={ready ? "true" : "false"}>
      <nav className="flex gap-2 text-sm" aria-label="Date range" data-testid="range-selector">
        {presets.map((d) => (
          <Link key={d} href={`/admin/analytics?days=${d}`} aria-current={d === days ? "page" : undefined} className={`rounded-md border px-3 py-1 ${d === days ? "border-blue-600 bg-blue-50 font-medium text-blue-800" : "border-slate-300 bg-white"}`}>
            Last {d} days
          </Link>
        ))}
      </nav>

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Metric label="Conversations" text={String(s.conversations.total)} value={s.conversations.total} testId="metric-conversations" />
        <Metric label="Resolved by the bot" text={formatShare(s.botResolved.share)} value={s.botResolved.share} testId="metric-bot-resolved" hint={`${s.botResolved.count} of ${s.botResolved.total}, no person needed`} />
        <Metric label="Hand-offs" text={String(s.handoffs.total)} value={s.handoffs.total} testId="metric-handoffs" />
        <Metric label="Median wait" text={formatSeconds(s.waitSeconds.median)} value={s.waitSeconds.median} testId="metric-wait" hint="queued → claimed by an agent" />
        <Metric label="Median first response" text={formatSeconds(s.firstResponseSeconds.median)} value={s.firstResponseSeconds.median} testId="metric-first-response" hint="claimed → first agent message" />
        <Metric label="CSAT" text={formatMean(s.csat.mean)} value={s.csat.mean} testId="metric-csat" hint={`${s.csat.count} rating${s.csat.count === 1 ? "" : "s"}, 1–5`} />
        <Metric label="Thumbs up" text={String(s.feedback.up)} value={s.feedback.up} testId="metric-thumbs-up" />
        <Metric label="Thumbs down" text={String(s.feedback.down)} value={s.feedback.down} testId="metric-thumbs-down" />
        <Metric label="SLA breaches" text={String(s.sla.breached)} value={s.sla.breached} testId="metric-sla-breached" hint={s.sla.withTarget ? `of ${s.sla.withTarget} hand-offs with a first-response target` : "no team has a first-response target"} />
      </div>

      <Card title="Conversations per day">
        <BarSeries testId="chart-conversations" data={s.conversations.perDay.map((d) => ({ date: d.date.slice(5), count: d.count }))} x="date" y="count" />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Hand-offs by reason">
          {s.handoffs.total === 0 ? (
            <p className="text-sm text-slate-500">No hand-offs in this period.</p>
          ) : (
            <BarSeries testId="chart-handoffs" data={s.handoffs.byReason.map((r) => ({ reason: REASON_LABELS[r.reason] ?? r.reason, count: r.count }))} x="reason" y="count" />
          )}
          <ul className="mt-2 text-sm" data-testid="handoff-reasons">
            {s.handoffs.byReason.map((r) => (
              <li key={r.reason} data-reason={r.reason} data-count={r.count}>
                {REASON_LABELS[r.reason] ?? r.reason}: {r.count}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Customer satisfaction (1–5)">
          <BarSeries testId="chart-csat" data={s.csat.distribution.map((d) => ({ score: String(d.score), count: d.count }))} x="score" y="count" colors={CSAT_COLORS} />
          <ul className="mt-2 flex gap-3 text-sm" data-testid="csat-distribution">
            {s.csat.distribution.map((d) => (
              <li key={d.score} data-score={d.score} data-count={d.count}>
                {d.score}★ {d.count}
              </li>
            ))}
          </ul>
        </Card>
      </div>

      {(s.teams.length > 0 || s.agents.length > 0) && (
        <div className="grid gap-6 lg:grid-cols-2">
          {s.teams.length > 0 && (
            <Card title="Teams">
              <Table columns={["Team", "Hand-offs", "Median wait", "SLA breaches", "CSAT"]} testId="analytics-teams">
                {s.teams.map((t) => (
                  <tr key={t.id} data-testid="analytics-team" data-team-name={t.name} data-breached={t.slaBreached}>
                    <td>{t.name}</td>
                    <td className="tabular-nums">{t.handoffs}</td>
                    <td className="tabular-nums">{formatSeconds(t.waitMedian)}</td>
                    <td className="tabular-nums" data-testid="team-sla-breached">{t.slaBreached}</td>
                    <td className="tabular-nums">{formatMean(t.csatMean)}</td>
                  </tr>
                ))}
              </Table>
            </Card>
          )}
          {s.agents.length > 0 && (
            <Card title="Agents">
              <Table columns={["Agent", "Handled", "First response", "Resolution", "CSAT"]} testId="analytics-agents">
                {s.agents.map((a) => (
                  <tr key={a.id} data-testid="analytics-agent" data-agent-name={a.name}>
                    <td>{a.name}</td>
                    <td className="tabular-nums">{a.handled}</td>
                    <td className="tabular-nums">{formatSeconds(a.firstResponseMedian)}</td>
                    <td className="tabular-nums">{formatSeconds(a.resolutionMedian)}</td>
                    <td className="tabular-nums">{formatMean(a.csatMean)}</td>
                  </tr>
                ))}
              </Table>
            </Card>
          )}
        </div>
      )}

      <Card title="Questions the bot could not answer">
        <UnansweredList clusters={s.unanswered} languages={languages} defaultLanguage={defaultLanguage} />
      </Card>
    </div>
  );
}
