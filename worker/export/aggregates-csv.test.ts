import { describe, expect, it } from 'vitest';
import type { Aggregate } from '../../schemas/aggregate.js';
import { aggregateCsv } from './aggregates-csv.js';

const a: Aggregate = {
  n: 40,
  k: 10,
  items: {
    tot_cijfer: {
      type: 'cijfer',
      n: 40,
      indicatief: false,
      mean: 8.1,
      ci95: [7.7, 8.5],
      sd: 1.2,
      pctOnvoldoende: 5,
      pctAchtOfHoger: 70,
      ci95Pct: { onvoldoende: [1.4, 16.5], achtOfHoger: [54.6, 81.9] },
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1, '6': 4, '7': 6, '8': 12, '9': 10, '10': 6 },
    },
    mw_serieus: { suppressed: true },
    tot_beter: { type: 'open', n: 12, indicatief: true, texts: ['Sneller, terugbellen'] },
  },
  groups: [
    {
      key: 'centrum',
      n: 28,
      indicatief: true,
      items: { tot_cijfer: { suppressed: true }, mw_serieus: { suppressed: true }, tot_beter: { suppressed: true } },
    },
    { key: 'oost', suppressed: true },
  ],
};

describe('aggregateCsv', () => {
  const lines = aggregateCsv(a).split('\r\n');

  it('writes one figure per line with its n and flags', () => {
    expect(lines[0]).toBe('group,group_n,item,type,n,indicatief,suppressed,measure,value');
    expect(lines).toContain(',40,tot_cijfer,cijfer,40,0,0,mean,8.1');
    expect(lines).toContain(',40,tot_cijfer,cijfer,40,0,0,ci95_low,7.7');
    expect(lines).toContain(',40,tot_cijfer,cijfer,40,0,0,pct_onvoldoende,5');
    expect(lines).toContain(',40,tot_cijfer,cijfer,40,0,0,ci95_pct_onvoldoende_high,16.5');
    expect(lines).toContain(',40,tot_cijfer,cijfer,40,0,0,distribution_10,6');
  });

  it('writes a hidden cell or group as suppressed, with no counts at all', () => {
    expect(lines).toContain(',40,mw_serieus,,,,1,,');
    expect(lines).toContain('centrum,28,tot_cijfer,,,,1,,');
    expect(lines).toContain('oost,,,,,,1,,');
    expect(lines.filter((l) => l.startsWith('oost'))).toHaveLength(1);
  });

  it('leaves open texts out and keeps their count', () => {
    expect(aggregateCsv(a)).not.toContain('Sneller');
    expect(lines.filter((l) => l.includes('tot_beter,open'))).toEqual([',40,tot_beter,open,12,1,0,,']);
  });
});
