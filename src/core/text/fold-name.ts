/** Names compared loosely: 'TNF-α', 'TNF alpha' and 'tnf-alpha' are one analyte; 'MEX SLEDAI' is 'MEX-SLEDAI'. */
export function foldName(s: string): string {
  return s.toLowerCase().replace(/α/g, 'alpha').replace(/β/g, 'beta').replace(/[\s_-]+/g, '');
}
