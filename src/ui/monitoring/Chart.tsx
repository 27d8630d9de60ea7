/**
 * One uPlot chart (uPlot: a small, fast canvas time-series library, pinned) in a figure with a
 * caption; the same figures are in the view's table for keyboard and screen-reader users, so the
 * canvas itself is hidden from the accessibility tree.
 */
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeRange } from './chart-range';

export interface ChartProps {
  title: string;
  /** x (seconds since the epoch) then one array per series. */
  data: AlignedData;
  series: { label: string; stroke: string }[];
  /** The y axis's unit, shown in its label. */
  unit: string;
  /** The x axis spans at least this many seconds (default two days: one day's point in the middle). */
  minSpanSeconds?: number;
}

const WIDTH = 520;
const HEIGHT = 180;

export function Chart({ title, data, series, unit, minSpanSeconds = 2 * 86_400 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const range = timeRange(data[0] as number[], minSpanSeconds);
    const options: Options = {
      width: Math.min(WIDTH, box.current.clientWidth || WIDTH),
      height: HEIGHT,
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: true } }))],
      axes: [{}, { label: unit }],
      scales: { x: { time: true, ...(range && { range: () => range }) } },
    };
    const plot = new uPlot(options, data, box.current);
    return () => plot.destroy();
  }, [data, series, unit, minSpanSeconds]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" data-chart={title} />
    </figure>
  );
}
