// Tencent Cloud regions and the availability zones a subnet may be placed in, for the pick list
// of the subnet inspector. The table is a convenience, not the rule: SUBNET_ZONE_REGION_MISMATCH
// follows rules.md (a zone is its region, "-" and a number), so a zone opened after this table
// was written is still accepted.

export const TENCENT_REGIONS: Readonly<Record<string, readonly string[]>> = {
  'ap-guangzhou': [
    'ap-guangzhou-1',
    'ap-guangzhou-2',
    'ap-guangzhou-3',
    'ap-guangzhou-4',
    'ap-guangzhou-6',
    'ap-guangzhou-7',
  ],
  'ap-shanghai': [
    'ap-shanghai-1',
    'ap-shanghai-2',
    'ap-shanghai-3',
    'ap-shanghai-4',
    'ap-shanghai-5',
    'ap-shanghai-8',
  ],
  'ap-nanjing': ['ap-nanjing-1', 'ap-nanjing-2', 'ap-nanjing-3'],
  'ap-beijing': [
    'ap-beijing-1',
    'ap-beijing-2',
    'ap-beijing-3',
    'ap-beijing-4',
    'ap-beijing-5',
    'ap-beijing-6',
    'ap-beijing-7',
  ],
  'ap-chengdu': ['ap-chengdu-1', 'ap-chengdu-2'],
  'ap-chongqing': ['ap-chongqing-1'],
  'ap-hongkong': ['ap-hongkong-1', 'ap-hongkong-2', 'ap-hongkong-3'],
  'ap-singapore': ['ap-singapore-1', 'ap-singapore-2', 'ap-singapore-3', 'ap-singapore-4'],
  'ap-jakarta': ['ap-jakarta-1', 'ap-jakarta-2'],
  'ap-seoul': ['ap-seoul-1', 'ap-seoul-2'],
  'ap-tokyo': ['ap-tokyo-1', 'ap-tokyo-2'],
  'ap-bangkok': ['ap-bangkok-1', 'ap-bangkok-2'],
  'ap-mumbai': ['ap-mumbai-1', 'ap-mumbai-2'],
  'na-siliconvalley': ['na-siliconvalley-1', 'na-siliconvalley-2'],
  'na-ashburn': ['na-ashburn-1', 'na-ashburn-2'],
  'na-toronto': ['na-toronto-1'],
  'sa-saopaulo': ['sa-saopaulo-1'],
  'eu-frankfurt': ['eu-frankfurt-1', 'eu-frankfurt-2'],
};

/** The zones the table knows for a region; empty for a region it does not list. */
export function zonesOf(region: string | undefined): readonly string[] {
  if (region === undefined || !Object.hasOwn(TENCENT_REGIONS, region)) return [];
  return TENCENT_REGIONS[region]!;
}

/** rules.md: a zone of a region is the region followed by "-" and a number. */
export function isZoneOfRegion(zone: string, region: string): boolean {
  // By character codes, not a prefix text, a slice and a pattern: called for every subnet.
  const n = region.length;
  if (zone.length < n + 2 || zone.charCodeAt(n) !== 45 || !zone.startsWith(region)) return false;
  for (let i = n + 1; i < zone.length; i++) {
    const c = zone.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The region a zone names ("ap-guangzhou" for "ap-guangzhou-3"), if it looks like a zone. */
export function regionOfZone(zone: string): string | undefined {
  const m = /^(.+)-\d+$/.exec(zone);
  return m ? m[1] : undefined;
}
