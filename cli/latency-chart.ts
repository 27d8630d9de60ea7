/**
 * Latency against audio length, one line per implementation (with a min–max whisker where the
 * points carry one), rendered to SVG with Vega (a declarative chart library; no browser needed:
 * `View.toSVG` with the 'none' renderer).
 */
import * as vega from 'vega';

export interface LatencyPoint {
  implementation: string;
  audioSeconds: number;
  medianMs: number;
  /** Fastest and slowest run, drawn as a whisker when both are given. */
  minMs?: number;
  maxMs?: number;
}

export async function latencyChartSvg(points: LatencyPoint[], title: string): Promise<string> {
  const ranged = points.some((p) => p.minMs !== undefined && p.maxMs !== undefined);
  const whiskers: vega.Mark[] = ranged
    ? [
        {
          type: 'rule',
          from: { data: 'series' },
          encode: {
            enter: {
              x: { scale: 'x', field: 'audioSeconds' },
              y: { scale: 'y', field: 'minMs' },
              y2: { scale: 'y', field: 'maxMs' },
              stroke: { scale: 'color', field: 'implementation' },
              strokeWidth: { value: 1 },
              strokeOpacity: { value: 0.8 },
            },
          },
        },
      ]
    : [];
  const spec: vega.Spec = {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 560,
    height: 300,
    padding: 8,
    title: { text: title, anchor: 'start' },
    data: [{ name: 'points', values: points }],
    scales: [
      { name: 'x', type: 'linear', domain: { data: 'points', field: 'audioSeconds' }, range: 'width', zero: true, nice: true },
      { name: 'y', type: 'linear', domain: { data: 'points', fields: ranged ? ['medianMs', 'maxMs'] : ['medianMs'] }, range: 'height', zero: true, nice: true },
      { name: 'color', type: 'ordinal', domain: { data: 'points', field: 'implementation' }, range: 'category' },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title: 'audio length (s)' },
      { orient: 'left', scale: 'y', title: 'median end-to-end latency (ms)', grid: true },
    ],
    legends: [{ fill: 'color', orient: 'top-left', labelLimit: 360 }],
    marks: [
      {
        type: 'group',
        from: { facet: { name: 'series', data: 'points', groupby: 'implementation' } },
        marks: [
          {
            type: 'line',
            from: { data: 'series' },
            sort: { field: 'datum.audioSeconds' },
            encode: {
              enter: {
                x: { scale: 'x', field: 'audioSeconds' },
                y: { scale: 'y', field: 'medianMs' },
                stroke: { scale: 'color', field: 'implementation' },
                strokeWidth: { value: 2 },
              },
            },
          },
          ...whiskers,
          {
            type: 'symbol',
            from: { data: 'series' },
            encode: {
              enter: {
                x: { scale: 'x', field: 'audioSeconds' },
                y: { scale: 'y', field: 'medianMs' },
                fill: { scale: 'color', field: 'implementation' },
                size: { value: 36 },
              },
            },
          },
        ],
      },
    ],
  };
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  return view.toSVG();
}
