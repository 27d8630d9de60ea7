/**
 * One uPlot chart (uPlot: a small, fast canvas time-series library, pinned) in a figure with a
 * caption; the same figures are in the view's table for keyboard and screen-reader users, so the
 * canvas itself is hidden from the accessibility tree.
 */
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  title: string;
  /** x (seconds since the epoch) then one array per series. */
  data: AlignedData;
  series: { label: string; stroke: string }[];
  /** The y axis's unit, shown in its label. */
  unit: string;
}

const WIDTH = 520;
const HEIGHT = 180;

export function Chart({ title, data, series, unit }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const options: Options = {
      width: Math.min(WIDTH, box.current.clientWidth || WIDTH),
      height: HEIGHT,
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: true } }))],
      axes: [{}, { label: unit }],
      scales: { x: { time: true } },
    };
    const plot = new uPlot(options, data, box.current);
    return () => plot.destroy();
  }, [data, series, unit]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" data-chart={title} />
    </figure>
  );
}
