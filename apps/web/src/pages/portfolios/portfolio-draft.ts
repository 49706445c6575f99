import type { Portfolio } from '../../lib/capacity-types';

/** The editable form of a portfolio: chosen teams as ids, boards and owners as text so half-typed input stays. */
export interface PortfolioDraft {
  name: string;
  teamIds: string[];
  boards: string;
  owners: string;
}

const words = (text: string) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

export const emptyPortfolioDraft = (): PortfolioDraft => ({ name: '', teamIds: [], boards: '', owners: '' });

export function portfolioDraftOf(p: Portfolio): PortfolioDraft {
  return { name: p.name, teamIds: [...p.teamIds], boards: p.boardIds.join(', '), owners: p.owners.join(', ') };
}

/** The request body of a draft; the API checks it (e-mails, team ids, at least one team or board) and names each bad field. */
export function portfolioBodyOf(d: PortfolioDraft): { name: string; teamIds: string[]; boardIds: string[]; owners: string[] } {
  return { name: d.name.trim(), teamIds: [...d.teamIds], boardIds: words(d.boards), owners: words(d.owners) };
}
