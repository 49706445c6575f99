import { covers } from './alert-scope';

describe('the firing alerts of a portfolio digest', () => {
  const scope = { portfolioId: 'p1', teamIds: ['t1'], boardIds: ['B1', 'B2'] };
  const row = (ruleScope: object | string, subject_type: string, subject_id: string) => ({ scope: ruleScope as never, subject_type, subject_id });

  it('takes rules scoped to the portfolio, one of its teams or one of its boards', () => {
    expect(covers(scope, row({ portfolioId: 'p1' }, 'release', 'r9'))).toBe(true);
    expect(covers(scope, row({ teamId: 't1' }, 'item', 'X-1'))).toBe(true);
    expect(covers(scope, row(JSON.stringify({ boardId: 'B2' }), 'board', 'B2'))).toBe(true);
  });

  it('takes an instance whose subject is one of its boards or teams, whatever the rule is scoped to', () => {
    expect(covers(scope, row({ portfolioId: 'p2' }, 'board', 'B1'))).toBe(true);
    expect(covers(scope, row({ portfolioId: 'p2' }, 'team', 't1'))).toBe(true);
  });

  it('leaves out what is about other portfolios, teams and boards', () => {
    expect(covers(scope, row({ portfolioId: 'p2' }, 'portfolio', 'p2'))).toBe(false);
    expect(covers(scope, row({ teamId: 't2' }, 'item', 'X-1'))).toBe(false);
    expect(covers(scope, row({ boardId: 'B3' }, 'board', 'B3'))).toBe(false);
    // A board id that happens to equal a team id is not that team.
    expect(covers(scope, row({ boardId: 't1' }, 'board', 't1'))).toBe(false);
  });
});
