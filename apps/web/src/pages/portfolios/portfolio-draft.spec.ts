import { emptyPortfolioDraft, portfolioBodyOf, portfolioDraftOf } from './portfolio-draft';

describe('portfolio drafts', () => {
  it('round-trip a portfolio through the form into the body the API takes', () => {
    const portfolio = { id: 'p1', name: 'Payments', teamIds: ['t1', 't2'], boardIds: ['PAY', 'OPS'], owners: ['a@x.io', 'b@x.io'] };
    expect(portfolioBodyOf(portfolioDraftOf(portfolio))).toEqual({ name: 'Payments', teamIds: ['t1', 't2'], boardIds: ['PAY', 'OPS'], owners: ['a@x.io', 'b@x.io'] });
  });

  it('splits boards and owners on commas and blanks, and trims the name', () => {
    expect(portfolioBodyOf({ ...emptyPortfolioDraft(), name: '  Core ', boards: 'PAY,, OPS  LEDGER', owners: ' a@x.io ,b@x.io ' })).toEqual({
      name: 'Core',
      teamIds: [],
      boardIds: ['PAY', 'OPS', 'LEDGER'],
      owners: ['a@x.io', 'b@x.io'],
    });
  });
});
