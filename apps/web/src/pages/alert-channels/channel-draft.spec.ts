import { channelBodyOf, emptyChannelDraft } from './channel-draft';

describe('alert channel drafts', () => {
  const filled = { ...emptyChannelDraft(), name: ' Ops ', url: ' https://hooks.example/x ', to: 'a@x.io, b@x.io;c@x.io', secret: 's3cret-key' };

  it('send only the fields of the chosen type', () => {
    expect(channelBodyOf({ ...filled, type: 'log' })).toEqual({ type: 'log', name: 'Ops' });
    expect(channelBodyOf({ ...filled, type: 'webhook' })).toEqual({ type: 'webhook', name: 'Ops', url: 'https://hooks.example/x', secret: 's3cret-key' });
    expect(channelBodyOf({ ...filled, type: 'slack' })).toEqual({ type: 'slack', name: 'Ops', url: 'https://hooks.example/x' });
    expect(channelBodyOf({ ...filled, type: 'email' })).toEqual({ type: 'email', name: 'Ops', to: ['a@x.io', 'b@x.io', 'c@x.io'] });
  });

  it('leave out empty fields so the API names the missing one', () => {
    expect(channelBodyOf({ ...emptyChannelDraft(), type: 'webhook', name: 'Hook' })).toEqual({ type: 'webhook', name: 'Hook' });
  });
});
