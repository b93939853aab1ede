import { describe, expect, it } from 'vitest';
import { exportNaam } from '../../../main/diensten';

describe('the file name of "Download alle signalen" (issue 12, finding 10)', () => {
  it('keeps ISI\'s date from a Content-Disposition of exactly the expected pattern', () => {
    expect(exportNaam('0014', 'attachment; filename="signalen_0014_20250301.csv"', '2025-03-09')).toBe('signalen_0014_20250301.csv');
  });

  it.each([
    ['a path', 'attachment; filename="../../.bashrc"'],
    ['an absolute path', 'attachment; filename="/etc/cron.d/signalen_0014_20250301.csv"'],
    ['another extension', 'attachment; filename="signalen_0014_20250301.csv.exe"'],
    ['another gemeente', 'attachment; filename="signalen_0034_20250301.csv"'],
    ['a hidden file', 'attachment; filename=".signalen_0014_20250301.csv"'],
    ['an RFC 5987 name', "attachment; filename*=UTF-8''..%2F..%2Fx.csv"],
    ['no header', undefined],
  ])('ignores %s and names the file itself, with ISI\'s date of today', (_wat, kop) => {
    expect(exportNaam('0014', kop, '2025-03-09')).toBe('signalen_0014_20250309.csv');
  });
});
