import { apiPath } from './browser';

describe('apiPath: where a data-figure is checked', () => {
  it('serves metric endpoints under metrics/ and the others as named', () => {
    expect(apiPath('cycle-time', '/flow')).toBe('/api/v1/metrics/cycle-time');
    expect(apiPath('alert-deliveries', new URL('http://x/alerts?state=firing'), 'items[id=1].status')).toBe('/api/v1/alert-deliveries');
  });

  it('takes the path parameter left out of a figure name from the page URL', () => {
    expect(apiPath('items/timeline', '/items/PAY-12')).toBe('/api/v1/items/PAY-12/timeline');
    expect(apiPath('digests/preview', new URL('http://x/digests?digestId=d-1'), 'subject')).toBe('/api/v1/digests/d-1/preview');
    const detail = new URL('http://x/alerts?state=firing&alertId=a-1');
    expect(apiPath('alerts', detail, 'history[0].at')).toBe('/api/v1/alerts/a-1');
    expect(apiPath('alerts', detail, 'value')).toBe('/api/v1/alerts/a-1');
    expect(apiPath('alerts', detail, 'items[id=a-2].value')).toBe('/api/v1/alerts');
    expect(apiPath('alerts', new URL('http://x/alerts?state=firing'), 'items[id=a-2].value')).toBe('/api/v1/alerts');
  });
});
