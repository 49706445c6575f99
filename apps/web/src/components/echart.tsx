import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption, ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// What most pages draw; a page drawing anything else registers it itself (the item page: custom
// series), so that no page loads chart code it does not use.
echarts.use([LineChart, BarChart, ScatterChart, PieChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

// Short animations: a chart counts as drawn (data-drawn) only once ECharts has finished them.
const DEFAULTS = { animationDuration: 250, animationDurationUpdate: 200, textStyle: { fontFamily: 'Inter, "Segoe UI", system-ui, "Liberation Sans", sans-serif' } };
// A chart's first drawing is shown at once: an entry animation only delays the figures (a line
// chart's symbols pop in after its 250 ms sweep, ~450 ms in all). Later options animate the change.
const FIRST = { ...DEFAULTS, animation: false };
export type ChartClick = { data?: unknown; value?: unknown; seriesName?: string; dataIndex: number; name?: string };

interface Props {
  readonly option: ChartOption;
  readonly height?: number;
  readonly label: string;
  readonly onClick?: (event: ChartClick) => void;
  readonly onInstance?: (chart: ECharts | null) => void;
}

/** One ECharts canvas; `data-drawn` turns "true" once ECharts has finished rendering the option. */
export function EChart({ option, height = 300, label, onClick, onInstance }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [drawn, setDrawn] = useState(false);
  const shown = useRef(false);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const node = element.current as HTMLDivElement;
    const instance = echarts.init(node, null, { renderer: 'canvas' });
    chart.current = instance;
    shown.current = false;
    onInstance?.(instance);
    instance.on('finished', () => setDrawn(true));
    instance.on('click', (event) => click.current?.(event as unknown as ChartClick));
    const observer = new ResizeObserver(() => {
      // Its first call (on observe) finds the size the chart is being drawn at: redraw only on a change.
      if (node.clientWidth !== instance.getWidth() || node.clientHeight !== instance.getHeight()) instance.resize();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      onInstance?.(null);
      instance.dispose();
      chart.current = null;
    };
    // The instance lives as long as the element; options are applied below.
  }, []);

  useEffect(() => {
    setDrawn(false);
    chart.current?.setOption({ ...(shown.current ? DEFAULTS : FIRST), ...option }, { notMerge: true });
    shown.current = true;
  }, [option]);

  return <div ref={element} className="echart" role="img" aria-label={label} data-drawn={drawn ? 'true' : 'false'} style={{ height }} />;
}
