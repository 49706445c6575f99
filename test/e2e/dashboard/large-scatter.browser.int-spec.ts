// The cycle-time scatter switches to ECharts' large mode from LARGE_SCATTER points (a portfolio's
// 5,000 done items). The panel relies on large mode still handing its tooltip and click handlers the
// data item (itemKey: the tooltip names it, a click opens it): held here in the real browser, on
// ECharts itself with the panel's series settings, since the demo workspace has too few items.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@flowlens/testing/browser';

const ECHARTS = readFileSync(join(__dirname, '../../../node_modules/echarts/dist/echarts.min.js'), 'utf8');

describe('a large-mode scatter', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('gives its tooltip and click handlers the data item under the pointer', async () => {
    const page = await browser.newPage({ viewport: { width: 1900, height: 1300 } });
    await page.setContent('<div id="chart" style="width:1800px;height:1200px"></div>');
    await page.addScriptTag({ content: ECHARTS });
    const n = 5_000; // the cycle-time answer's cap, above LARGE_SCATTER (apps/web chart-theme)
    // In-page code as text: the test project has no DOM types.
    const target = (await page.evaluate(`(async () => {
      const chart = echarts.init(document.getElementById('chart'));
      // Items spread on a grid so that the one under the pointer is unambiguous.
      const data = Array.from({ length: ${n} }, (_, i) => ({ value: [i % 50, Math.floor(i / 50)], itemKey: 'KAN-' + i }));
      chart.on('click', (e) => { window.clicked = e.data && e.data.itemKey; });
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: (p) => '<b>' + p.data.itemKey + '</b>' },
        xAxis: { type: 'value' },
        yAxis: { type: 'value' },
        series: [{ type: 'scatter', symbolSize: 7, large: true, data, cursor: 'pointer' }],
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [17, 23]);
      const box = document.getElementById('chart').getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    })()`)) as { x: number; y: number };
    await page.mouse.move(target.x, target.y);
    await page.waitForFunction(`document.body.innerHTML.includes('<b>KAN-1167</b>')`, null, { timeout: 5_000 });
    await page.mouse.click(target.x, target.y);
    expect(await page.evaluate('window.clicked')).toBe('KAN-1167');
    await page.close();
  });
});
