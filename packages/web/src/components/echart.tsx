/**
 * An Apache ECharts chart drawn with the SVG renderer, resized with its box, with a text alternative for screen readers:
 * <EChart option={…} label="各领域民生支出" description="教育 3.42亿元；…" />.
 */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import type { BarSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Bar charts are everywhere; a page that needs another kind registers it itself (the budget page: treemap).
use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | TreemapSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export interface EChartProps {
  readonly option: ChartOption;
  readonly label: string;
  /** The chart's data as text, read instead of the picture. */
  readonly description: string;
  readonly height?: number;
  readonly onItemClick?: (dataIndex: number, name: string, seriesIndex: number) => void;
}

export function EChart({ option, label, description, height = 320, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  useEffect(() => {
    if (!box.current) return undefined;
    const instance = init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
    // The e2e run and the first-render bench read this mark: the first chart of a page is drawn.
    if (chart.current && performance.getEntriesByName('duixian:chart-rendered').length === 0) performance.mark('duixian:chart-rendered');
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return undefined;
    const handler = (params: { dataIndex: number; name: string; seriesIndex: number }) => onItemClick(params.dataIndex, params.name, params.seriesIndex);
    instance.on('click', handler as never);
    return () => {
      instance.off('click', handler as never);
    };
  }, [onItemClick]);
  return (
    <figure className="chart">
      <div ref={box} className="chart-canvas" style={{ height }} role="img" aria-label={label} data-chart-ready="" />
      <figcaption className="visually-hidden">{description}</figcaption>
    </figure>
  );
}
