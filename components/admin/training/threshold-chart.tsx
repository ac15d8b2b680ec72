"use client";
// Answered share against wrong-answer rate as the answer threshold moves (from the evaluation
// curve), with the operating point the calibration chose marked on it.
import { CartesianGrid, Line, LineChart, ReferenceDot, Tooltip, XAxis, YAxis } from "recharts";
import type { CurvePoint } from "@/lib/training/types";

export function ThresholdChart({ curve, threshold }: { curve: CurvePoint[]; threshold: number | null }) {
  const data = [...curve]
    .map((p) => ({ wrong: +(p.wrongRate * 100).toFixed(2), answered: +(p.answeredShare * 100).toFixed(2), threshold: p.threshold, unrelated: +(p.unrelatedAnswered * 100).toFixed(1) }))
    // In threshold order (strict → lenient), so the line follows the threshold as it moves.
    .sort((a, b) => b.threshold - a.threshold);
  const chosen = threshold === null ? null : data.reduce<(typeof data)[number] | null>((best, p) => (!best || Math.abs(p.threshold - threshold) < Math.abs(best.threshold - threshold) ? p : best), null);
  if (data.length < 2) return <p className="text-sm text-slate-500">Not enough held-out data to draw the threshold curve.</p>;
  return (
    <figure data-testid="threshold-chart">
      <LineChart width={560} height={280} data={data} margin={{ top: 20, right: 20, bottom: 30, left: 20 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="wrong" unit="%" domain={[0, "dataMax"]} label={{ value: "Estimated wrong answers (% of answers)", position: "bottom", offset: 10 }} />
        <YAxis type="number" domain={[0, 100]} unit="%" width={50} label={{ value: "Answered", angle: -90, position: "insideLeft", offset: -10 }} />
        <Tooltip formatter={(v, name) => [`${v}%`, name === "answered" ? "answered" : String(name)]} labelFormatter={(v) => `wrong answers ${v}%`} />
        <Line type="linear" dataKey="answered" stroke="#2563eb" dot={{ r: 2 }} isAnimationActive={false} />
        {chosen && <ReferenceDot x={chosen.wrong} y={chosen.answered} r={6} fill="#dc2626" stroke="white" label={{ value: "chosen", position: "top" }} />}
      </LineChart>
      <figcaption className="text-xs text-slate-500">
        Each point is a possible answer threshold: to the right the classifier answers more questions but gets more of them wrong. The red dot is the threshold chosen for it from your target (its figures are listed above).
      </figcaption>
    </figure>
  );
}
