/**
 * One uPlot chart (uPlot: a small, fast canvas time-series library, pinned) in a figure with a
 * caption: lines over time, or bars over a value's bins (a distribution). The same figures are in
 * the view's text for keyboard and screen-reader users, so the canvas itself is hidden from the
 * accessibility tree.
 */
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeRange } from './chart-range';

export interface ChartProps {
  title: string;
  /** x (seconds since the epoch, or bin centres for bars) then one array per series. */
  data: AlignedData;
  /** `time` (default): lines over time; `bars`: each series as bars over the x values, side by side. */
  kind?: 'time' | 'bars';
  /** The x axis's label (bars). */
  xLabel?: string;
  series: { label: string; stroke: string }[];
  /** The y axis's unit, shown in its label. */
  unit: string;
  /** The x axis spans at least this many seconds (default two days: one day's point in the middle). */
  minSpanSeconds?: number;
}

const WIDTH = 520;
const HEIGHT = 180;

export function Chart({ title, data, series, unit, kind = 'time', xLabel, minSpanSeconds = 2 * 86_400 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const range = timeRange(data[0] as number[], minSpanSeconds);
    const bars = uPlot.paths.bars!;
    // Bars over bin centres: the axis spans the bins' edges, so the end bins' bars are not cut off.
    const centres = data[0] as number[];
    const half = centres.length > 1 ? (centres[1]! - centres[0]!) / 2 : 0.5;
    const binsRange: [number, number] = [(centres[0] ?? 0) - half, (centres.at(-1) ?? 1) + half];
    const options: Options =
      kind === 'bars'
        ? {
            width: Math.min(WIDTH, box.current.clientWidth || WIDTH),
            height: HEIGHT,
            series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: s.stroke, fill: `${s.stroke}99`, width: 1, paths: bars({ size: [0.4, 40], align: i === 0 ? -1 : 1 }), points: { show: false } }))],
            axes: [{ label: xLabel }, { label: unit }],
            scales: { x: { time: false, range: () => binsRange }, y: { range: (_u, _min, max) => [0, Math.max(max, 0.1)] } },
          }
        : {
            width: Math.min(WIDTH, box.current.clientWidth || WIDTH),
            height: HEIGHT,
            series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: true } }))],
            axes: [{}, { label: unit }],
            scales: { x: { time: true, ...(range && { range: () => range }) } },
          };
    const plot = new uPlot(options, data, box.current);
    return () => plot.destroy();
  }, [data, series, unit, kind, xLabel, minSpanSeconds]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" data-chart={title} />
    </figure>
  );
}
